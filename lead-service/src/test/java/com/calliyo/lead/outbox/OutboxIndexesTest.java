package com.calliyo.lead.outbox;

import java.net.InetSocketAddress;
import java.time.Clock;
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
 * The indexes every outbox collection declares for a real MongoDB (and that the local stack's store uses as well):
 * the claim's compare-and-set key, and a sparse index on {@code pendingEvents.0} for the relay's sweep and backlog
 * measurement ({@code pendingEvents.0 $exists}), so neither reads the documents without pending events.
 */
class OutboxIndexesTest {

    private static final List<OutboxStream> STREAMS = List.of(OutboxStream.LEADS, OutboxStream.PIPELINES,
            OutboxStream.COMPANIES, OutboxStream.USERS, OutboxStream.SESSIONS, OutboxStream.ATTENDANCE);

    @Test
    void shouldDeclareASparsePendingEventsIndexOnEveryOutboxCollection() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "leads");
            OutboxProperties properties = new OutboxProperties(null, null, null, null, null, 0, 0);
            for (OutboxStream stream : STREAMS) {
                new OutboxPublisher(mongo, null, properties, stream, Clock.systemUTC(), new SimpleMeterRegistry());
            }

            for (OutboxStream stream : STREAMS) {
                List<Document> indexes = new ArrayList<>();
                client.getDatabase("leads").getCollection(stream.collection()).listIndexes().into(indexes);
                Document pending = indexes.stream()
                        .filter(index -> new Document("pendingEvents.0", 1).equals(index.get("key")))
                        .findFirst().orElse(null);
                assertThat(pending).as(stream.collection() + ": index on pendingEvents.0").isNotNull();
                assertThat(pending.get("sparse")).as(stream.collection() + ": sparse").isEqualTo(true);
                assertThat(pending.get("unique")).as(stream.collection() + ": not unique").isNotEqualTo(true);
                assertThat(indexes).as(stream.collection() + ": the claim's compare-and-set key")
                        .anySatisfy(index -> {
                            assertThat(index.get("key")).isEqualTo(new Document("_id", 1)
                                    .append(OutboxStream.CLAIMS_FIELD, 1));
                            assertThat(index.get("unique")).isEqualTo(true);
                        });
            }
        } finally {
            server.shutdownNow();
        }
    }
}
