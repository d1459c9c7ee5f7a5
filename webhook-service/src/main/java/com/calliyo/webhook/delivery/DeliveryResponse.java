package com.calliyo.webhook.delivery;

import java.time.Instant;
import java.util.List;

import com.calliyo.webhook.delivery.domain.Attempt;
import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.delivery.domain.DeliveryStatus;

/**
 * A delivery in the log: the event it carries ({@code eventId} is the {@code webhook-id}), where it stands, when it
 * is tried next (while PENDING) and every attempt so far.
 */
record DeliveryResponse(
        String id,
        String eventId,
        String type,
        DeliveryStatus status,
        Instant occurredAt,
        Instant createdAt,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        List<Attempt> attemptLog) {

    static DeliveryResponse of(Delivery d, List<Attempt> attempts) {
        return new DeliveryResponse(d.id(), d.eventId(), d.type(), d.status(), d.occurredAt(), d.createdAt(),
                d.attempts(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastStatusCode(),
                attempts);
    }
}
