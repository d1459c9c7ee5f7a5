package com.calliyo.customer.messaging;

import com.calliyo.customer.customer.CustomerProjection;
import com.calliyo.lead.events.LeadEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.lead.events} into the Customers view. Delivery is at least once (offsets are committed after
 * the projection wrote); redelivery is harmless because {@link CustomerProjection} applies each event with a
 * version guard and history entries by id. Records that cannot be read go to {@code crm.lead.events-dlt}.
 */
@Component
class LeadEventsListener {

    private final LeadEventReader reader;
    private final CustomerProjection projection;

    LeadEventsListener(JsonMapper json, CustomerProjection projection) {
        this.reader = new LeadEventReader(json);
        this.projection = projection;
    }

    @KafkaListener(topics = LeadEventTopics.LEAD_EVENTS)
    void onLeadEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(projection::apply);
    }
}
