package com.calliyo.order.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk apply must leave exactly what applying the same events one by one leaves. */
class VersionedDocumentsBatchTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> one;
    private MongoCollection<Document> bulk;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        one = client.getDatabase("test").getCollection("one_by_one");
        bulk = client.getDatabase("test").getCollection("bulk");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldInsertAbsentReplaceOlderAndSkipSameOrNewer() {
        VersionedDocuments documents = new VersionedDocuments(bulk);
        documents.applyIfNewer("older", 1, current -> new Document("v", "older-1"));
        documents.applyIfNewer("same", 2, current -> new Document("v", "same-2"));
        documents.applyIfNewer("newer", 5, current -> new Document("v", "newer-5"));

        int written = documents.applyAllIfNewer(List.of(versioned("absent", 1), versioned("older", 2),
                versioned("same", 2), versioned("newer", 4)));

        assertThat(written).isEqualTo(2);
        assertThat(value("absent")).isEqualTo("absent-1");
        assertThat(value("older")).isEqualTo("older-2");
        assertThat(value("same")).isEqualTo("same-2");
        assertThat(value("newer")).isEqualTo("newer-5");
    }

    @Test
    void shouldDecideAgainWhenAnotherWriterGotInBetweenTheReadAndTheBulkWrite() {
        VersionedDocuments documents = new VersionedDocuments(bulk);
        documents.applyIfNewer("moved", 1, current -> new Document("v", "moved-1"));
        VersionedDocuments racing = new VersionedDocuments(interleaving(bulk, () -> {
            bulk.insertOne(new Document("_id", "inserted").append("version", 3L).append("v", "theirs-3"));
            bulk.replaceOne(new Document("_id", "moved"), new Document("version", 5L).append("v", "theirs-5"));
        }));

        racing.applyAllIfNewer(List.of(versioned("inserted", 2), versioned("moved", 2), versioned("fresh", 1)));

        assertThat(value("inserted")).as("a newer insert of another writer stays").isEqualTo("theirs-3");
        assertThat(value("moved")).as("a newer version of another writer stays").isEqualTo("theirs-5");
        assertThat(value("fresh")).isEqualTo("fresh-1");
    }

    /** The collection, where another writer's {@code meanwhile} runs just before the first bulk write. */
    @SuppressWarnings("unchecked")
    private static MongoCollection<Document> interleaving(MongoCollection<Document> collection, Runnable meanwhile) {
        boolean[] done = {false};
        return (MongoCollection<Document>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("bulkWrite") && !done[0]) {
                        done[0] = true;
                        meanwhile.run();
                    }
                    try {
                        return method.invoke(collection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void shouldEndAsTheOneByOneApplyForRandomPollsWithDuplicatesAndLateVersions() {
        VersionedDocuments oneByOne = new VersionedDocuments(one);
        VersionedDocuments batched = new VersionedDocuments(bulk);
        Random random = new Random(42);
        for (int poll = 0; poll < 40; poll++) {
            List<VersionedDocuments.Versioned> events = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                String id = "lead-" + random.nextInt(12);
                long version = 1 + poll / 4 + random.nextInt(3); // growing, with many ties and late ones
                events.add(new VersionedDocuments.Versioned(id, version,
                        new Document("v", id + "-" + version + "-" + random.nextInt(5))));
            }
            events.forEach(e -> oneByOne.applyIfNewer(e.id(), e.version(), current -> e.fields()));
            batched.applyAllIfNewer(NewestPerId.of(events, VersionedDocuments.Versioned::id,
                    VersionedDocuments.Versioned::version));
        }
        List<Document> expected = one.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(bulk.find().sort(new Document("_id", 1)).into(new ArrayList<>())).isEqualTo(expected);
    }

    private static VersionedDocuments.Versioned versioned(String id, long version) {
        return new VersionedDocuments.Versioned(id, version, new Document("v", id + "-" + version));
    }

    private String value(String id) {
        return bulk.find(new Document("_id", id)).first().getString("v");
    }
}
