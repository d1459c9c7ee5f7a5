package com.calliyo.localstack.secondaryindex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is really used and narrows a company's query to that company's documents (the property test only shows
 * answers stay right); a query on a non-leading field is left to the scan and still answered; and the H2 store
 * rebuilds the index from its data when it is opened again.
 */
class SecondaryIndexTest {

    @TempDir
    Path data;

    @Test
    void shouldHandTheServerOnlyTheCompanysDocuments() {
        IndexedMemoryBackend backend = new IndexedMemoryBackend();
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + address(server))) {
            MongoCollection<Document> leads = client.getDatabase("leads").getCollection("leads");
            leads.createIndex(new Document("companyId", 1).append("statusId", 1));
            leads.insertMany(leads("A", 30, "B", 40));

            Index<Object> index = secondaryIndex(backend, "leads", "leads");
            assertThat(index.canHandle(query("companyId", "A"))).isTrue();
            assertThat(count(index.getPositions(query("companyId", "A")))).isEqualTo(30);
            assertThat(count(index.getPositions(query("companyId", "A").append("statusId", "new")))).isEqualTo(15);
            assertThat(index.canHandle(query("statusId", "new"))).as("a non-leading field alone").isFalse();

            assertThat(leads.countDocuments(new Document("companyId", "A"))).isEqualTo(30);
            assertThat(leads.countDocuments(new Document("statusId", "new"))).isEqualTo(35);
            assertThat(leads.countDocuments(new Document("companyId", "B").append("statusId", "won"))).isEqualTo(20);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void shouldLeaveAQueryToTheIndexThatFixesMostOfIt() {
        IndexedMemoryBackend backend = new IndexedMemoryBackend();
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + address(server))) {
            MongoCollection<Document> leads = client.getDatabase("leads").getCollection("leads");
            leads.createIndex(new Document("companyId", 1).append("createdAt", 1), new IndexOptions().name("byAge"));
            leads.createIndex(new Document("companyId", 1).append("assignedTo", 1), new IndexOptions().name("byAgent"));
            List<Document> documents = leads("A", 30, "B", 40);
            for (int i = 0; i < documents.size(); i += 10) {
                documents.get(i).append("assignedTo", "agent-1");
            }
            leads.insertMany(documents);

            Index<Object> byAge = index(backend, "byAge");
            Index<Object> byAgent = index(backend, "byAgent");
            var queue = query("companyId", "A").append("assignedTo", "agent-1");
            assertThat(byAge.canHandle(queue)).as("declared first, but fixes only the company").isFalse();
            assertThat(byAgent.canHandle(queue)).isTrue();
            assertThat(count(byAgent.getPositions(queue))).isEqualTo(3);
            assertThat(byAge.canHandle(query("companyId", "A"))).as("a tie goes to the first declared").isTrue();
            assertThat(byAgent.canHandle(query("companyId", "A"))).isFalse();
            assertThat(leads.countDocuments(new Document("companyId", "A").append("assignedTo", "agent-1")))
                    .isEqualTo(3);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void shouldLeaveAQueryToTheScanWhenTheIndexNarrowsLittle() {
        IndexedMemoryBackend backend = new IndexedMemoryBackend();
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + address(server))) {
            MongoCollection<Document> leads = client.getDatabase("leads").getCollection("leads");
            leads.createIndex(new Document("companyId", 1));
            leads.insertMany(leads("A", 30, "B", 10));

            Index<Object> index = secondaryIndex(backend, "leads", "leads");
            assertThat(index.canHandle(query("companyId", "A"))).as("3/4 of the collection").isFalse();
            assertThat(index.canHandle(query("companyId", "B"))).isTrue();
            assertThat(leads.countDocuments(new Document("companyId", "A"))).isEqualTo(30);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void shouldRebuildFromTheH2FileWhenOpenedAgain() {
        String file = data.resolve("store.mv").toString();
        IndexedH2Backend first = new IndexedH2Backend(new MVStore.Builder().fileName(file).open());
        MongoServer server = new MongoServer(first);
        try (MongoClient client = MongoClients.create("mongodb://" + address(server))) {
            MongoCollection<Document> leads = client.getDatabase("leads").getCollection("leads");
            leads.insertMany(leads("A", 12, "B", 8));
            leads.createIndex(new Document("companyId", 1));
            leads.deleteOne(new Document("_id", "A-0"));
        } finally {
            server.shutdownNow(); // closes the backend, which commits the store
        }

        IndexedH2Backend reopened = new IndexedH2Backend(new MVStore.Builder().fileName(file).open());
        try {
            Index<Object> index = secondaryIndex(reopened, "leads", "leads");
            assertThat(index.getCount()).isEqualTo(19);
            assertThat(count(index.getPositions(query("companyId", "A")))).isEqualTo(11);
        } finally {
            reopened.close();
        }
    }

    private static List<Document> leads(String company, int count, String other, int otherCount) {
        List<Document> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(new Document("_id", company + "-" + i).append("companyId", company)
                    .append("statusId", i % 2 == 0 ? "new" : "won"));
        }
        for (int i = 0; i < otherCount; i++) {
            leads.add(new Document("_id", other + "-" + i).append("companyId", other)
                    .append("statusId", i % 2 == 0 ? "new" : "won"));
        }
        return leads;
    }

    private static de.bwaldvogel.mongo.bson.Document query(String field, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(field, value);
    }

    @SuppressWarnings("unchecked")
    private static Index<Object> secondaryIndex(MongoBackend backend, String database, String collection) {
        return backend.resolveDatabase(database).resolveCollection(collection, true).getIndexes().stream()
                .filter(SecondaryIndex.class::isInstance)
                .map(index -> (Index<Object>) index)
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Index<Object> index(MongoBackend backend, String name) {
        return backend.resolveDatabase("leads").resolveCollection("leads", true).getIndexes().stream()
                .filter(index -> index.getName().equals(name))
                .map(index -> (Index<Object>) index)
                .findFirst().orElseThrow();
    }

    private static int count(Iterable<?> positions) {
        int count = 0;
        for (Object ignored : positions) {
            count++;
        }
        return count;
    }

    private static String address(MongoServer server) {
        var socket = server.bind();
        return socket.getHostString() + ":" + socket.getPort();
    }
}
