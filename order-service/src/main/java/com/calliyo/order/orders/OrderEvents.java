package com.calliyo.order.orders;

import java.time.Instant;
import java.util.UUID;

import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderEventType;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.OrderUpdated;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;
import com.calliyo.order.gst.domain.Money;
import com.calliyo.order.gst.domain.Tax;
import com.calliyo.order.outbox.OutboxEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns an order change into its v1 {@code crm.order.events} payload, ready for the order's outbox. */
@Component
class OrderEvents {

    private final JsonMapper json;

    OrderEvents(JsonMapper json) {
        this.json = json;
    }

    OutboxEvent created(Order order, String actorId) {
        return outbox(OrderEventType.ORDER_CREATED, order, new OrderCreated(order.companyId(), order.id(),
                order.leadId(), order.version(), order.updatedAt(), actorId, snapshot(order)));
    }

    OutboxEvent updated(Order order, String actorId) {
        return outbox(OrderEventType.ORDER_UPDATED, order, new OrderUpdated(order.companyId(), order.id(),
                order.leadId(), order.version(), order.updatedAt(), actorId, snapshot(order)));
    }

    OutboxEvent paymentStatusChanged(Order order, PaymentStatus from, String actorId) {
        return outbox(OrderEventType.ORDER_PAYMENT_STATUS_CHANGED, order, new OrderPaymentStatusChanged(
                order.companyId(), order.id(), order.leadId(), order.version(), order.updatedAt(), actorId,
                snapshot(order), from, order.paymentStatus()));
    }

    static OrderSnapshot snapshot(Order order) {
        return new OrderSnapshot(order.id(), order.leadId(), order.plan(), "INR", Money.format(order.amount()),
                order.amountIncludesTax(), order.paymentStatus(),
                order.amountPaid() == null ? null : Money.format(order.amountPaid()), breakdown(order.tax()),
                order.createdAt(), order.createdBy());
    }

    static TaxBreakdown breakdown(Tax tax) {
        return new TaxBreakdown(Money.format(tax.taxableValue()), Money.format(tax.cgst()), Money.format(tax.sgst()),
                Money.format(tax.igst()), Money.format(tax.total()), tax.rateText(), tax.placeOfSupply());
    }

    private OutboxEvent outbox(OrderEventType type, Order order, OrderEvent event) {
        Instant at = order.updatedAt();
        return new OutboxEvent(UUID.randomUUID().toString(), type.type(), order.leadId(), order.id(), at,
                json.writeValueAsString(event));
    }
}
