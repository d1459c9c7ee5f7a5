package com.calliyo.order.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.order.created}: an order was attached to a lead (usually at conversion).
 */
public record OrderCreated(
        String companyId,
        String orderId,
        String leadId,
        long orderVersion,
        Instant occurredAt,
        String actorId,
        OrderSnapshot order) implements OrderEvent {
}
