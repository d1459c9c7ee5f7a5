package com.calliyo.order.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.order.updated}: fields of the order changed (plan, amount, GST, amount paid); the snapshot holds the new values.
 */
public record OrderUpdated(
        String companyId,
        String orderId,
        String leadId,
        long orderVersion,
        Instant occurredAt,
        String actorId,
        OrderSnapshot order) implements OrderEvent {
}
