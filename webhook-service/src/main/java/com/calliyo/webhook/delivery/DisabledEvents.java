package com.calliyo.webhook.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.WebhookDisabled;
import com.calliyo.webhook.subscription.Subscriptions;
import com.calliyo.webhook.subscription.domain.Subscription;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code company.webhook_disabled} for every subscription marked as owing it (the mark is written with the
 * disabling, in the same document: a small outbox). Called by the dispatcher's loop, so a broker outage only delays
 * the event; each is acknowledged (acks=all) before the mark is removed, so it is sent at least once, always with
 * the same CloudEvents id.
 */
@Component
class DisabledEvents {

    static final URI SOURCE = URI.create("/calliyo/webhook-service");
    static final String ACTOR = "system:webhook-service";
    private static final Logger log = LoggerFactory.getLogger(DisabledEvents.class);

    private final Subscriptions subscriptions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final AtomicBoolean owed = new AtomicBoolean(true);

    DisabledEvents(Subscriptions subscriptions, KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.kafka = kafka;
        this.json = json;
    }

    void wake() {
        owed.set(true);
    }

    /** Publishes what is owed; {@code sweep} looks in the store even when nothing was disabled in this process. */
    void publishOwed(boolean sweep) {
        if (!owed.getAndSet(false) && !sweep) {
            return;
        }
        for (Subscription s : subscriptions.owingDisabledEvent()) {
            try {
                kafka.send(record(s)).get(10, TimeUnit.SECONDS);
                subscriptions.disabledEventSent(s.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                owed.set(true);
                log.warn("Could not publish webhook_disabled for {} yet: {}", s.id(), e.toString());
            }
        }
    }

    private org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(Subscription s) {
        Instant at = s.disabledAt() == null ? Instant.now() : s.disabledAt();
        WebhookDisabled event = new WebhookDisabled(s.companyId(), s.id(), s.url(), at, ACTOR,
                s.disabledReason() == null ? WebhookDisabled.FAILING : s.disabledReason(),
                s.failingSince() == null ? at : s.failingSince(), s.lastStatusCode());
        LeadEventType type = LeadEventType.WEBHOOK_DISABLED;
        return KafkaMessageFactory.<String>createWriter(LeadEventTopics.COMPANY_EVENTS, s.companyId())
                .writeBinary(CloudEventBuilder.v1()
                        .withId("webhook-disabled:" + s.id() + ":" + at.toEpochMilli())
                        .withType(type.type())
                        .withSource(SOURCE)
                        .withSubject(s.id())
                        .withTime(at.atOffset(ZoneOffset.UTC))
                        .withDataSchema(type.dataSchema())
                        .withDataContentType("application/json")
                        .withData(json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
                        .build());
    }
}
