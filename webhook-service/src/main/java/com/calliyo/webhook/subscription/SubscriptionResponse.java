package com.calliyo.webhook.subscription;

import java.time.Instant;
import java.util.List;

import com.calliyo.webhook.subscription.domain.Subscription;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A subscription as the API shows it. {@code secret} is present only in the answer that created it or rotated its
 * secret; {@code previousSecretExpiresAt} says until when the previous secret still signs after a rotation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(
        String id,
        String url,
        List<String> events,
        String description,
        boolean enabled,
        Instant createdAt,
        Instant failingSince,
        Integer lastStatusCode,
        Instant disabledAt,
        String disabledReason,
        Instant previousSecretExpiresAt,
        String secret) {

    static SubscriptionResponse of(Subscription s, Instant now) {
        return withSecret(s, now, null);
    }

    static SubscriptionResponse withSecret(Subscription s, Instant now, String secret) {
        Instant overlap = s.previousSecretUntil() != null && now.isBefore(s.previousSecretUntil())
                ? s.previousSecretUntil() : null;
        return new SubscriptionResponse(s.id(), s.url(), List.copyOf(s.events()), s.description(), s.enabled(),
                s.createdAt(), s.failingSince(), s.lastStatusCode(), s.disabledAt(), s.disabledReason(), overlap,
                secret);
    }
}
