package com.calliyo.order.outbox;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes the order outbox declares on {@code orders} for a real MongoDB (and that the local stack's store uses
 * as well): the lease's compare-and-set key, and a sparse index on {@code pendingEvents.0} for the sweep, so it reads
 * only the orders with events waiting.
 */
class OrderOutboxIndexesTest {

    @Test
    void shouldDeclareTheSparsePendingIndexAndTheClaimKey() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            OutboxProperties properties = new OutboxProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(10),
                    Duration.ofSeconds(30));
            new OrderOutbox(new MongoTemplate(client, "orders"), null, properties, new SimpleMeterRegistry());

            List<Document> indexes = new ArrayList<>();
            client.getDatabase("orders").getCollection("orders").listIndexes().into(indexes);
            assertThat(indexes).as("sparse, not unique, on pendingEvents.0").anySatisfy(index -> {
                assertThat(index.get("key")).isEqualTo(new Document(OrderOutbox.PENDING + ".0", 1));
                assertThat(index.get("sparse")).isEqualTo(true);
                assertThat(index.get("unique")).isNotEqualTo(true);
            });
            assertThat(indexes).as("the lease's compare-and-set key").anySatisfy(index -> {
                assertThat(index.get("key")).isEqualTo(new Document("_id", 1).append(OrderOutbox.CLAIMS, 1));
                assertThat(index.get("unique")).isEqualTo(true);
            });
        } finally {
            server.shutdownNow();
        }
    }
}
