package com.calliyo.customer.messaging;

import java.util.Optional;

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
 * Reads a binary-mode CloudEvent from {@code crm.order.events} into its v1 order record (the order-events contract
 * ships records, not a reader). Unknown types are skipped; records that can never be read throw
 * {@link OrderEventDecodingException}, which skips the retries and goes to the dead-letter topic.
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
            throw new OrderEventDecodingException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
        Optional<OrderEventType> type = OrderEventType.ofType(event.getType());
        if (type.isEmpty()) {
            log.debug("Skipping event {} of type {}", event.getId(), event.getType());
            return Optional.empty();
        }
        if (event.getData() == null) {
            throw new OrderEventDecodingException("Event " + event.getId() + " has no data", null);
        }
        OrderEvent decoded;
        try {
            decoded = json.readValue(event.getData().toBytes(), type.get().dataClass());
        } catch (JacksonException e) {
            throw new OrderEventDecodingException("Event " + event.getId() + " of type " + event.getType()
                    + " has unreadable data: " + e.getOriginalMessage(), e);
        }
        if (decoded == null || decoded.leadId() == null || decoded.orderId() == null || decoded.companyId() == null
                || decoded.order() == null) {
            throw new OrderEventDecodingException("Event " + event.getId()
                    + " lacks companyId, orderId, leadId or order", null);
        }
        return Optional.of(decoded);
    }
}
