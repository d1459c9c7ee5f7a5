package com.calliyo.customer;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.OrderEventType;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.OrderUpdated;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/** Canonical order events for one order of a lead, and the CloudEvents records order-service would publish. */
public final class OrderEventsMother {

    public static final Instant CREATED_AT = Instant.parse("2026-03-05T12:05:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String companyId;
    private final String leadId;
    private final String orderId;

    private OrderEventsMother(String companyId, String leadId, String orderId) {
        this.companyId = companyId;
        this.leadId = leadId;
        this.orderId = orderId;
    }

    public static OrderEventsMother anOrderOf(LeadEventsMother lead) {
        return anOrder(LeadEventsMother.COMPANY, lead.leadId());
    }

    public static OrderEventsMother anOrder(String companyId, String leadId) {
        return new OrderEventsMother(companyId, leadId, "order-" + UUID.randomUUID());
    }

    public String orderId() {
        return orderId;
    }

    public OrderSnapshot snapshot(PaymentStatus status, String amountPaid) {
        return new OrderSnapshot(orderId, leadId, "Premium", "INR", "11800.00", true, status, amountPaid,
                new TaxBreakdown("10000.00", "900.00", "900.00", "0.00", "11800.00", "18", "29"), CREATED_AT,
                LeadEventsMother.AGENT);
    }

    public OrderCreated created() {
        return new OrderCreated(companyId, orderId, leadId, 1, CREATED_AT, LeadEventsMother.AGENT,
                snapshot(PaymentStatus.PENDING, null));
    }

    public OrderPaymentStatusChanged paid(long version, PaymentStatus from, PaymentStatus to, String amountPaid) {
        return new OrderPaymentStatusChanged(companyId, orderId, leadId, version, CREATED_AT.plusSeconds(version),
                LeadEventsMother.AGENT, snapshot(to, amountPaid), from, to);
    }

    public OrderUpdated updated(long version, PaymentStatus status, String amountPaid) {
        return new OrderUpdated(companyId, orderId, leadId, version, CREATED_AT.plusSeconds(version),
                LeadEventsMother.AGENT, snapshot(status, amountPaid));
    }

    /** The record order-service would publish: a binary-mode CloudEvent keyed by the order's leadId. */
    public static ProducerRecord<String, byte[]> record(OrderEvent event) {
        String type = Arrays.stream(OrderEventType.values())
                .filter(t -> t.dataClass().equals(event.getClass())).findFirst().orElseThrow().type();
        return record(event.leadId(), type, JSON.writeValueAsBytes(event));
    }

    public static ProducerRecord<String, byte[]> record(String leadId, String ceType, byte[] data) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(ceType)
                .withSource(URI.create(OrderEventTopics.SOURCE))
                .withSubject(leadId)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
        return KafkaMessageFactory.<String>createWriter(OrderEventTopics.ORDER_EVENTS, leadId).writeBinary(cloudEvent);
    }
}
