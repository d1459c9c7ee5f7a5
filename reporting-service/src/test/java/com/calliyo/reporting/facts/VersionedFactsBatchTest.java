package com.calliyo.reporting.facts;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link VersionedFacts#putAll} must leave exactly what {@link VersionedFacts#put} of the same facts leaves. */
class VersionedFactsBatchTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "reporting");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldInsertAbsentReplaceSameOrOlderAndKeepNewer() {
        VersionedFacts facts = new VersionedFacts(mongo, "facts");
        facts.put("older", 1, new Document("v", "older-1"));
        facts.put("same", 2, new Document("v", "same-2 before"));
        facts.put("newer", 5, new Document("v", "newer-5"));
        // a fact stored once without a version is replaced like an older one
        collection("facts").insertOne(new Document("_id", "unversioned").append("v", "none"));

        int written = facts.putAll(List.of(fact("absent", 1), fact("older", 2), fact("same", 2), fact("newer", 4),
                fact("unversioned", 1)));

        assertThat(written).isEqualTo(4);
        assertThat(value("absent")).isEqualTo("absent-1");
        assertThat(value("older")).isEqualTo("older-2");
        assertThat(value("same")).isEqualTo("same-2");
        assertThat(value("newer")).isEqualTo("newer-5");
        assertThat(value("unversioned")).isEqualTo("unversioned-1");
    }

    @Test
    void shouldEndAsPuttingOneByOneForRandomPollsWithDuplicatesAndLateVersions() {
        VersionedFacts oneByOne = new VersionedFacts(mongo, "one_by_one");
        VersionedFacts batched = new VersionedFacts(mongo, "batched");
        Random random = new Random(7);
        for (int poll = 0; poll < 40; poll++) {
            List<VersionedFacts.Versioned> facts = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                String id = "lead-" + random.nextInt(12);
                long version = 1 + poll / 4 + random.nextInt(3); // growing, with many ties and late ones
                facts.add(new VersionedFacts.Versioned(id, version,
                        new Document("v", id + "-" + version + "-" + random.nextInt(5))));
            }
            facts.forEach(fact -> oneByOne.put(fact.id(), fact.version(), fact.fields()));
            batched.putAll(NewestPerId.of(facts, VersionedFacts.Versioned::id, VersionedFacts.Versioned::version));
        }
        List<Document> expected = collection("one_by_one").find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(collection("batched").find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                .isEqualTo(expected);
    }

    private static VersionedFacts.Versioned fact(String id, long version) {
        return new VersionedFacts.Versioned(id, version, new Document("v", id + "-" + version));
    }

    private String value(String id) {
        return collection("facts").find(new Document("_id", id)).first().getString("v");
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }
}
