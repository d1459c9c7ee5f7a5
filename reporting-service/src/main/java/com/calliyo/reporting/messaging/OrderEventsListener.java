package com.calliyo.reporting.messaging;

import com.calliyo.order.events.OrderEventReader;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.reporting.facts.OrderFactProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.order.events} into the order facts; at least once, harmless to redeliver (each event re-states
 * the order behind its orderVersion). Unreadable records go to {@code crm.order.events-dlt}.
 */
@Component
class OrderEventsListener {

    private final OrderEventReader reader;
    private final OrderFactProjection projection;

    OrderEventsListener(JsonMapper json, OrderFactProjection projection) {
        this.reader = new OrderEventReader(json);
        this.projection = projection;
    }

    @KafkaListener(topics = OrderEventTopics.ORDER_EVENTS)
    void onOrderEvent(ConsumerRecord<String, byte[]> record) {
        reader.read(record).ifPresent(projection::apply);
    }
}
