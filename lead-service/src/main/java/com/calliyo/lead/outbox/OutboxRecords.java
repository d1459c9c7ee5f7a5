package com.calliyo.lead.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import com.calliyo.lead.events.EventTraceContext;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;

/**
 * The Kafka record of one stored event: a binary-mode CloudEvent from lead-service, with the data schema of a known
 * type and the trace context of the request that wrote it.
 */
final class OutboxRecords {

    private static final URI SOURCE = URI.create(LeadEventTopics.SOURCE);

    private OutboxRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(String topic, String key, String subject, Document entry) {
        String type = entry.getString("type");
        Instant occurredAt = entry.getDate("occurredAt").toInstant();
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(entry.getString("id"))
                .withType(type)
                .withSource(SOURCE)
                .withSubject(subject)
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(entry.getString("payload").getBytes(StandardCharsets.UTF_8));
        LeadEventType.ofType(type).ifPresent(t -> event.withDataSchema(t.dataSchema()));
        String traceparent = entry.getString(EventTraceContext.TRACEPARENT);
        CloudEvent built = EventTraceContext.withTraceParent(event, traceparent).build();
        return EventTraceContext.withTraceParent(
                KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(built), traceparent);
    }
}
