package com.calliyo.reporting.messaging;

import com.calliyo.lead.events.LeadEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.reporting.facts.LeadFactProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.lead.events} into the lead facts. Delivery is at least once (offsets are committed after the
 * projection wrote); redelivery and replay are harmless because {@link LeadFactProjection} re-states the fact from
 * the event's snapshot behind a version guard. Records that cannot be read go to {@code crm.lead.events-dlt}.
 */
@Component
class LeadEventsListener {

    private final LeadEventReader reader;
    private final LeadFactProjection projection;

    LeadEventsListener(JsonMapper json, LeadFactProjection projection) {
        this.reader = new LeadEventReader(json);
        this.projection = projection;
    }

    @KafkaListener(topics = LeadEventTopics.LEAD_EVENTS)
    void onLeadEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(projection::apply);
    }
}
