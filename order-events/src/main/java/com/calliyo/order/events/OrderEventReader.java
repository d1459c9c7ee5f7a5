package com.calliyo.order.events;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumers' side of {@code crm.order.events}: reads a binary-mode CloudEvent from a Kafka record and its JSON
 * data into the v1 order record named by {@code ce_type}. Types this version does not know are skipped (forward
 * compatibility); records that can never be read throw {@link OrderEventDecodingException}.
 */
public final class OrderEventReader {

    private static final Logger log = LoggerFactory.getLogger(OrderEventReader.class);

    private final JsonMapper json;

    public OrderEventReader(JsonMapper json) {
        this.json = json;
    }

    public Optional<OrderEvent> read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new OrderEventDecodingException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
        Optional<OrderEventType> type = OrderEventType.ofType(event.getType());
        if (type.isEmpty()) {
            log.debug("Skipping event {} of type {} at {}-{}@{}", event.getId(), event.getType(), record.topic(),
                    record.partition(), record.offset());
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
        if (decoded == null || decoded.companyId() == null || decoded.orderId() == null || decoded.leadId() == null
                || decoded.order() == null) {
            throw new OrderEventDecodingException("Event " + event.getId()
                    + " lacks companyId, orderId, leadId or order", null);
        }
        return Optional.of(decoded);
    }
}
