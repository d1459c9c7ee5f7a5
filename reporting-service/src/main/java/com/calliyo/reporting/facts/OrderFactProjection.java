package com.calliyo.reporting.facts;

import java.math.BigDecimal;

import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.TaxBreakdown;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of order facts: every order event carries the order's whole snapshot, so each re-states the fact
 * behind the orderVersion guard. Money is stored as decimal strings (exact, and read the same on every store). Orders are joined to their lead only when a report is computed, so an order that
 * arrives before its lead (the two topics are not ordered with each other) loses nothing.
 */
@Component
public class OrderFactProjection {

    private final VersionedFacts orders;

    public OrderFactProjection(MongoTemplate mongo) {
        this.orders = new VersionedFacts(mongo, FactCollections.ORDERS,
                FactWriteCounting.stamped(new FactGenerations(mongo)));
    }

    public void apply(OrderEvent event) {
        orders.put(event.orderId(), event.orderVersion(), order(event));
    }

    private static Document order(OrderEvent event) {
        OrderSnapshot order = event.order();
        TaxBreakdown tax = order.taxBreakdown();
        BigDecimal taxableValue = tax == null ? money(order.amount()) : money(tax.taxableValue());
        BigDecimal taxAmount = tax == null ? BigDecimal.ZERO
                : money(tax.cgst()).add(money(tax.sgst())).add(money(tax.igst()));
        return new Document("companyId", event.companyId())
                .append("leadId", event.leadId() != null ? event.leadId() : order.leadId())
                .append("plan", order.plan())
                .append("paymentStatus", order.paymentStatus() == null ? null : order.paymentStatus().name())
                .append("taxableValue", taxableValue.toPlainString())
                .append("tax", taxAmount.toPlainString())
                .append("createdAt", LeadFactProjection.date(order.createdAt() != null ? order.createdAt()
                        : event.occurredAt()));
    }

    /** A decimal string of the contract; absent or unreadable amounts count as zero rather than failing the report. */
    static BigDecimal money(String amount) {
        if (amount == null || amount.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
