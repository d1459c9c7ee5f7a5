package com.calliyo.order.outbox;

import java.time.Instant;

/**
 * An event waiting in its order's document until the broker has acknowledged it: the CloudEvents id and type, the
 * record key (the leadId), the subject (the orderId), when it happened and the JSON data.
 */
public record OutboxEvent(String id, String type, String key, String subject, Instant occurredAt, String payload) {
}
