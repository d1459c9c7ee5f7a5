package com.calliyo.webhook.delivery.domain;

import java.time.Instant;

/**
 * One event for one subscription. {@code eventId} is the {@code webhook-id} (the same on retries and replays);
 * {@code seq} orders the deliveries of one {@code orderKey} (a lead) within a subscription.
 */
public record Delivery(
        String id,
        String subscriptionId,
        String companyId,
        String eventId,
        String type,
        String orderKey,
        long seq,
        String body,
        Instant occurredAt,
        Instant createdAt,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode) {
}
