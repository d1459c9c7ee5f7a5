package com.calliyo.lead.events;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumers' side of {@code crm.company.events}: reads a binary-mode CloudEvent from a Kafka record and its JSON
 * data into the v1 company record named by {@code ce_type}. Types this version does not know, and lead events, are
 * skipped (forward compatibility); records that can never be read throw {@link LeadEventDecodingException}.
 */
public final class CompanyEventReader {

    private static final Logger log = LoggerFactory.getLogger(CompanyEventReader.class);

    private final JsonMapper json;

    public CompanyEventReader(JsonMapper json) {
        this.json = json;
    }

    public Optional<CompanyEvent> read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = LeadEventReader.cloudEvent(record);
        Optional<Class<?>> dataClass = LeadEventType.ofType(event.getType()).map(LeadEventType::dataClass);
        if (dataClass.isEmpty() || !CompanyEvent.class.isAssignableFrom(dataClass.get())) {
            log.debug("Skipping event {} of type {} at {}-{}@{}", event.getId(), event.getType(),
                    record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        if (event.getData() == null) {
            throw new LeadEventDecodingException("Event " + event.getId() + " has no data", null);
        }
        CompanyEvent decoded;
        try {
            decoded = (CompanyEvent) json.readValue(event.getData().toBytes(), dataClass.get());
        } catch (JacksonException e) {
            throw new LeadEventDecodingException("Event " + event.getId() + " of type " + event.getType()
                    + " has unreadable data: " + e.getOriginalMessage(), e);
        }
        if (decoded == null || decoded.companyId() == null || decoded.companyId().isBlank()) {
            throw new LeadEventDecodingException("Event " + event.getId() + " lacks companyId", null);
        }
        if (decoded instanceof CompanyStatusesChanged statuses && statuses.statuses() == null) {
            throw new LeadEventDecodingException("Event " + event.getId() + " lacks statuses", null);
        }
        return Optional.of(decoded);
    }
}
