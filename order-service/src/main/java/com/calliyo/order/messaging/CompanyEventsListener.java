package com.calliyo.order.messaging;

import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.order.company.CompanySettingsStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.company.events} into {@link CompanySettingsStore}: only {@code settings_changed} matters here
 * (the Order module switch and the company's GSTIN); other company events are skipped. Redelivery and replay are
 * harmless (version guard); unreadable records go to {@code crm.company.events-dlt}.
 */
@Component
class CompanyEventsListener {

    private final CompanyEventReader reader;
    private final CompanySettingsStore settings;

    CompanyEventsListener(JsonMapper json, CompanySettingsStore settings) {
        this.reader = new CompanyEventReader(json);
        this.settings = settings;
    }

    @KafkaListener(topics = LeadEventTopics.COMPANY_EVENTS)
    void onCompanyEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record)
                .filter(CompanySettingsChanged.class::isInstance)
                .map(CompanySettingsChanged.class::cast)
                .ifPresent(settings::apply);
    }
}
