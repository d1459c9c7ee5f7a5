package com.calliyo.customer.messaging;

import com.calliyo.customer.customers.CustomerProjection;
import com.calliyo.order.events.OrderEventReader;
import com.calliyo.order.events.OrderEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.order.events} (key = leadId) into the order summaries of the Customers view. At least once,
 * harmless because {@link CustomerProjection} keeps each order's newest {@code orderVersion} only; records that
 * cannot be read go to {@code crm.order.events-dlt}.
 */
@Component
class OrderEventsListener {

    private final OrderEventReader reader;
    private final CustomerProjection projection;

    OrderEventsListener(JsonMapper json, CustomerProjection projection) {
        this.reader = new OrderEventReader(json);
        this.projection = projection;
    }

    @KafkaListener(topics = OrderEventTopics.ORDER_EVENTS)
    void onOrderEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(projection::apply);
    }
}
