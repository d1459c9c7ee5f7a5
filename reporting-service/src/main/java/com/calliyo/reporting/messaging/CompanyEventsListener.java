package com.calliyo.reporting.messaging;

import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.reporting.facts.CompanyFactProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.company.events} (settings: timezone, daily call target; the pipeline) into the company facts;
 * each event is kept only if newer than what is held. Unreadable records go to {@code crm.company.events-dlt}.
 */
@Component
class CompanyEventsListener {

    private final CompanyEventReader reader;
    private final CompanyFactProjection projection;

    CompanyEventsListener(JsonMapper json, CompanyFactProjection projection) {
        this.reader = new CompanyEventReader(json);
        this.projection = projection;
    }

    @KafkaListener(topics = LeadEventTopics.COMPANY_EVENTS)
    void onCompanyEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(projection::apply);
    }
}
