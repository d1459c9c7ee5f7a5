package com.calliyo.order.events;

import java.time.Instant;

/**
 * What every event on {@code crm.order.events} carries, whatever its type. {@code orderVersion} grows by one with
 * each change of the order; one change can publish two events with the same version (order.updated and
 * order.payment_status_changed), so consumers apply an event unless what they hold is newer.
 */
public interface OrderEvent {

    String companyId();

    String orderId();

    String leadId();

    long orderVersion();

    Instant occurredAt();

    String actorId();

    OrderSnapshot order();
}
