package com.calliyo.lead.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The outbox tests' common ground: the real store and broker with the background relay off, so each step is
 * explicit. Each subclass names its own database (its {@code @DynamicPropertySource}).
 */
@SpringBootTest(properties = "lead.outbox.relay-enabled=false")
@ActiveProfiles("test")
abstract class OutboxStoreSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    /** Sweeps on every call, so each step sees every pending document. */
    final OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(100), Duration.ZERO,
            Duration.ofSeconds(30), Duration.ofSeconds(5), 100, 1000);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A stored lead (in {@code leads}) whose outbox holds {@code count} updates written at {@code writtenAt}. */
    String leadWithPendingEvents(int count, Date writtenAt) {
        String leadId = "lead-" + UUID.randomUUID();
        List<Document> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(new Document("id", UUID.randomUUID().toString())
                    .append("type", "com.calliyo.lead.updated")
                    .append("occurredAt", writtenAt)
                    .append("payload", "{\"leadId\":\"" + leadId + "\",\"leadVersion\":" + (i + 1) + "}"));
        }
        // every stored lead has a phone, unique within its company (a unique index on companyId + phone)
        mongo.getCollection("leads").insertOne(new Document("_id", leadId).append("companyId", "c-outbox")
                .append("phone", "+91-" + leadId).append("pendingEvents", pending));
        return leadId;
    }
}
