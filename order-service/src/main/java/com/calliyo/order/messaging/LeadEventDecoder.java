package com.calliyo.order.messaging;

import java.util.Optional;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a binary-mode CloudEvent from a Kafka record and its JSON data into the v1 {@code lead-events} record named
 * by {@code ce_type}. Unknown types are skipped (forward compatibility); malformed records throw
 * {@link LeadEventDecodingException}.
 */
@Component
class LeadEventDecoder {

    private static final Logger log = LoggerFactory.getLogger(LeadEventDecoder.class);

    private final JsonMapper json;

    LeadEventDecoder(JsonMapper json) {
        this.json = json;
    }

    Optional<LeadEvent> decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = cloudEvent(record);
        Optional<Class<?>> dataClass = LeadEventType.ofType(event.getType()).map(LeadEventType::dataClass);
        if (dataClass.isEmpty() || !LeadEvent.class.isAssignableFrom(dataClass.get())) {
            log.debug("Skipping event {} of unknown type {} at {}-{}@{}", event.getId(), event.getType(),
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

    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new LeadEventDecodingException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
    }
}
