package com.calliyo.customer.messaging;

import com.calliyo.customer.company.CompanySettingsStore;
import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.UserChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.company.events} into the kept company settings: {@code settings_changed} (timezone, "Show
 * customer to", statuses), {@code statuses_changed} (the pipeline's names) and {@code user_changed} (users' names). At least once, harmless thanks to
 * the settings and pipeline version guards of {@link CompanySettingsStore}; records that cannot be read go to
 * {@code crm.company.events-dlt}.
 */
@Component
class CompanyEventsListener {

    private final CompanyEventReader reader;
    private final CompanySettingsStore companies;

    CompanyEventsListener(JsonMapper json, CompanySettingsStore companies) {
        this.reader = new CompanyEventReader(json);
        this.companies = companies;
    }

    @KafkaListener(topics = LeadEventTopics.COMPANY_EVENTS)
    void onCompanyEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(event -> {
            if (event instanceof CompanyStatusesChanged statuses) {
                companies.apply(statuses);
            } else if (event instanceof CompanySettingsChanged settings) {
                companies.apply(settings);
            } else if (event instanceof UserChanged user) {
                companies.apply(user);
            }
        });
    }
}
