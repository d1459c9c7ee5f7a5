package com.calliyo.order.events;

/**
 * Topic names and CloudEvents attributes of the order contract. Records on {@link #ORDER_EVENTS} are keyed by the
 * order's <b>leadId</b>, not its orderId: every event about the orders of one lead stays ordered on one partition,
 * and with the same partition count as {@code crm.lead.events} it lands on the same partition number as that lead's
 * lead events, so a consumer can join the two per partition. There is no ordering across the two topics.
 * {@code ce_subject} is the orderId.
 */
public final class OrderEventTopics {

    public static final String ORDER_EVENTS = "crm.order.events";
    public static final String ORDER_EVENTS_DLT = ORDER_EVENTS + "-dlt";

    /** The {@code ce_source} of every event order-service publishes. */
    public static final String SOURCE = "/calliyo/order-service";

    private OrderEventTopics() {
    }
}
