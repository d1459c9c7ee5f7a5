package com.calliyo.webhook.events;

import java.nio.charset.StandardCharsets;

import com.calliyo.lead.events.LeadEventDecodingException;
import com.calliyo.lead.events.LeadEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.order.events.OrderEventReader;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.webhook.delivery.DeliveryQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code crm.lead.events} and {@code crm.order.events} into the delivery queue. At least once: the
 * deliveries are written before the listener returns and the offset is committed; a redelivered record finds its
 * deliveries there already (keyed by subscription and CloudEvents id) and adds nothing. Records that cannot be read
 * go to the topic's {@code -dlt}. {@code crm.company.events} is read by token-check's revocation feed only.
 */
@Component
class EventsListener {

    private final LeadEventReader leadReader;
    private final OrderEventReader orderReader;
    private final LeadEventMapper leads;
    private final OrderEventMapper orders;
    private final DeliveryQueue queue;

    EventsListener(JsonMapper json, LeadEventMapper leads, OrderEventMapper orders, DeliveryQueue queue) {
        this.leadReader = new LeadEventReader(json);
        this.orderReader = new OrderEventReader(json);
        this.leads = leads;
        this.orders = orders;
        this.queue = queue;
    }

    @KafkaListener(topics = LeadEventTopics.LEAD_EVENTS)
    void onLeadEvent(ConsumerRecord<String, byte[]> record) {
        leadReader.read(record).flatMap(event -> leads.map(eventId(record), event)).ifPresent(queue::publish);
    }

    @KafkaListener(topics = OrderEventTopics.ORDER_EVENTS)
    void onOrderEvent(ConsumerRecord<String, byte[]> record) {
        orderReader.read(record).flatMap(event -> orders.map(eventId(record), event)).ifPresent(queue::publish);
    }

    /** The CloudEvents id (binary mode: the {@code ce_id} header), which the readers have checked is there. */
    static String eventId(ConsumerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader("ce_id");
        if (id == null) {
            throw new LeadEventDecodingException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no ce_id", null);
        }
        return new String(id.value(), StandardCharsets.UTF_8);
    }
}
