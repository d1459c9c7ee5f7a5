package com.calliyo.reporting.messaging;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.reporting.conversion.LeadFactProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@code crm.lead.events} into the lead facts. Delivery is at least once (offsets are committed after the
 * projection wrote); redelivery and replay are harmless because {@link LeadFactProjection} re-states the fact from
 * the event's snapshot behind a version guard. Records that cannot be read go to {@code crm.lead.events-dlt}.
 */
@Component
class LeadEventsListener {

    private final LeadEventDecoder decoder;
    private final LeadFactProjection projection;

    LeadEventsListener(LeadEventDecoder decoder, LeadFactProjection projection) {
        this.decoder = decoder;
        this.projection = projection;
    }

    @KafkaListener(topics = LeadEventTopics.LEAD_EVENTS)
    void onLeadEvent(ConsumerRecord<String, byte[]> record) {
        decoder.decode(record).ifPresent(projection::apply);
    }
}
