package com.calliyo.reporting.messaging;

import java.util.Optional;

import com.calliyo.lead.events.LeadEventDecodingException;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderEventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a binary-mode CloudEvent from {@code crm.order.events} into the v1 record its {@code ce_type} names. The
 * order-events contract ships no reader, so this is the consumer's own, mirroring lead-events' reader: unknown types
 * are skipped (forward compatibility); records that can never be read throw {@link LeadEventDecodingException},
 * the exception the error handler sends to the dead-letter topic without retries.
 */
final class OrderEventReader {

    private static final Logger log = LoggerFactory.getLogger(OrderEventReader.class);

    private final JsonMapper json;

    OrderEventReader(JsonMapper json) {
        this.json = json;
    }

    Optional<OrderEvent> read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new LeadEventDecodingException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
        Optional<OrderEventType> type = OrderEventType.ofType(event.getType());
        if (type.isEmpty()) {
            log.debug("Skipping event {} of type {} at {}-{}@{}", event.getId(), event.getType(),
                    record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        if (event.getData() == null) {
            throw new LeadEventDecodingException("Event " + event.getId() + " has no data", null);
        }
        OrderEvent decoded;
        try {
            decoded = json.readValue(event.getData().toBytes(), type.get().dataClass());
        } catch (JacksonException e) {
            throw new LeadEventDecodingException("Event " + event.getId() + " of type " + event.getType()
                    + " has unreadable data: " + e.getOriginalMessage(), e);
        }
        if (decoded == null || decoded.companyId() == null || decoded.orderId() == null || decoded.order() == null) {
            throw new LeadEventDecodingException("Event " + event.getId() + " lacks companyId, orderId or order", null);
        }
        return Optional.of(decoded);
    }
}
