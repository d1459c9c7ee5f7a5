package com.calliyo.customer.messaging;

import com.calliyo.customer.customer.CustomerProjection;
import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.company.events} into the Customers view: {@code statuses_changed} renames the statuses customers
 * are shown in. Other company types are not used yet. At least once, harmless thanks to the pipeline version
 * guard; records that cannot be read go to {@code crm.company.events-dlt}.
 */
@Component
class CompanyEventsListener {

    private final CompanyEventReader reader;
    private final CustomerProjection projection;

    CompanyEventsListener(JsonMapper json, CustomerProjection projection) {
        this.reader = new CompanyEventReader(json);
        this.projection = projection;
    }

    @KafkaListener(topics = LeadEventTopics.COMPANY_EVENTS)
    void onCompanyEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(event -> {
            if (event instanceof CompanyStatusesChanged statuses) {
                projection.apply(statuses);
            }
        });
    }
}
