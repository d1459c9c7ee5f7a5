package com.calliyo.order.messaging;

import java.util.List;

import com.calliyo.consumers.PollBatch;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.order.directory.LeadDirectoryProjection;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.lead.events} into the lead directory, a poll at a time (a bulk import's captures cost one read
 * and one bulk write per poll instead of a round trip each, so a conversion behind them waits less). Delivery is
 * at least once (offsets are committed after the projection wrote); redelivery and replay are harmless because
 * {@link LeadDirectoryProjection} re-states the entry from the event's snapshot behind a version guard. Records that
 * cannot be read, and only those, go to {@code crm.lead.events-dlt} ({@link PollBatch}).
 */
@Component
class LeadEventsListener {

    private final PollBatch<LeadEvent> batch;

    @Autowired
    LeadEventsListener(JsonMapper json, LeadDirectoryProjection projection, ObservationRegistry observations,
                       @Value("${spring.kafka.consumer.group-id}") String groupId) {
        LeadEventReader reader = new LeadEventReader(json);
        this.batch = new PollBatch<>(reader::read, projection::applyAll, projection::apply, observations, groupId);
    }

    /** Without observations (tests that drive the listener directly). */
    LeadEventsListener(JsonMapper json, LeadDirectoryProjection projection) {
        this(json, projection, ObservationRegistry.NOOP, "order-service");
    }

    @KafkaListener(topics = LeadEventTopics.LEAD_EVENTS, batch = "true")
    void onLeadEvents(List<ConsumerRecord<String, byte[]>> records) {
        batch.apply(records);
    }
}
