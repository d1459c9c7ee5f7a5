package com.calliyo.customer.messaging;

import java.util.List;

import com.calliyo.consumers.PollBatch;
import com.calliyo.customer.customers.CustomerProjection;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.lead.events} into the Customers view, a poll at a time, so that one read tells which of the
 * poll's leads this view holds at all ({@link CustomerProjection#applyAll}). Delivery is at least once (offsets are
 * committed after the projection wrote); redelivery is harmless because {@link CustomerProjection} applies each
 * event with a version guard and history entries by id. Records that cannot be read, and only those, go to
 * {@code crm.lead.events-dlt} ({@link PollBatch}).
 */
@Component
class LeadEventsListener {

    private final PollBatch<LeadEvent> batch;

    @Autowired
    LeadEventsListener(JsonMapper json, CustomerProjection projection, ObservationRegistry observations,
                       @Value("${spring.kafka.consumer.group-id}") String groupId) {
        LeadEventReader reader = new LeadEventReader(json);
        this.batch = new PollBatch<>(reader::read, projection::applyAll, projection::apply, observations, groupId);
    }

    /** Without observations (tests that drive the listener directly). */
    LeadEventsListener(JsonMapper json, CustomerProjection projection) {
        this(json, projection, ObservationRegistry.NOOP, "customer-service");
    }

    @KafkaListener(topics = LeadEventTopics.LEAD_EVENTS, batch = "true")
    void onLeadEvents(List<ConsumerRecord<String, byte[]>> records) {
        batch.apply(records);
    }
}
