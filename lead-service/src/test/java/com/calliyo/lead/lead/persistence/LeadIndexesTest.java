package com.calliyo.lead.lead.persistence;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes the leads collection declares for a real MongoDB (and that the local stack's store uses as well): one
 * per company-scoped query shape, so no list, count or queue reads other companies' leads. A query added without its
 * index should add a line here.
 */
class LeadIndexesTest {

    @Test
    void shouldDeclareAnIndexForEveryCompanyScopedQuery() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            new MongoLeads(new MongoTemplate(client, "leads"), null, null);

            List<Document> keys = new ArrayList<>();
            client.getDatabase("leads").getCollection(MongoLeads.COLLECTION).listIndexes()
                    .forEach(index -> keys.add(index.get("key", Document.class)));

            assertThat(keys).contains(
                    new Document("companyId", 1).append("createdAt", 1),         // page(): newest first, count()
                    new Document("companyId", 1).append(MongoLeads.STATUS_ID, 1), // the status filter, countInStatus
                    new Document("companyId", 1).append("assignedTo", 1),         // activeQueue, countHeld, agent filter
                    new Document("companyId", 1).append("phone", 1),              // phone dedup (unique)
                    new Document(MongoLeads.COMPANY_PHONE, 1),                    // an import batch's phone check
                    new Document("_id", 1).append("companyId", 1).append("version", 1)); // update()'s compare-and-set
            // The list's order after each filter's equality fields (page() stops after skip + limit), and the
            // default view's status.kind in the keys (its count() from the index alone).
            assertThat(keys).contains(
                    new Document("companyId", 1).append("createdAt", -1).append("_id", -1)
                            .append(MongoLeads.STATUS_KIND, 1),
                    new Document("companyId", 1).append(MongoLeads.STATUS_ID, 1).append("createdAt", -1)
                            .append("_id", -1),
                    new Document("companyId", 1).append("assignedTo", 1).append("createdAt", -1).append("_id", -1)
                            .append(MongoLeads.STATUS_KIND, 1));
        } finally {
            server.shutdownNow();
        }
    }
}
