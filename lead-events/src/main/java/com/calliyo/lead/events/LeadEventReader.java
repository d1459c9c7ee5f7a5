package com.calliyo.lead.events;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumers' side of the contract: reads a binary-mode CloudEvent from a Kafka record and its JSON data into the
 * v1 record named by {@code ce_type}. Types this version does not know, and company events, are skipped (forward
 * compatibility); records that can never be read throw {@link LeadEventDecodingException}.
 */
public final class LeadEventReader {

    private static final Logger log = LoggerFactory.getLogger(LeadEventReader.class);

    private final JsonMapper json;

    public LeadEventReader(JsonMapper json) {
        this.json = json;
    }

    public Optional<LeadEvent> read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = cloudEvent(record);
        Optional<Class<?>> dataClass = LeadEventType.ofType(event.getType()).map(LeadEventType::dataClass);
        if (dataClass.isEmpty() || !LeadEvent.class.isAssignableFrom(dataClass.get())) {
            log.debug("Skipping event {} of type {} at {}-{}@{}", event.getId(), event.getType(),
                    record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        if (event.getData() == null) {
            throw new LeadEventDecodingException("Event " + event.getId() + " has no data", null);
        }
        LeadEvent decoded;
        try {
            decoded = (LeadEvent) json.readValue(event.getData().toBytes(), dataClass.get());
        } catch (JacksonException e) {
            throw new LeadEventDecodingException("Event " + event.getId() + " of type " + event.getType()
                    + " has unreadable data: " + e.getOriginalMessage(), e);
        }
        if (decoded == null || decoded.leadId() == null || decoded.companyId() == null || decoded.lead() == null) {
            throw new LeadEventDecodingException("Event " + event.getId() + " lacks companyId, leadId or lead", null);
        }
        return Optional.of(decoded);
    }

    /** The record as a CloudEvent; shared with {@link CompanyEventReader}. */
    static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new LeadEventDecodingException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
    }
}
