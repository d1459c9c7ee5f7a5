package com.calliyo.webhook.subscription.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One company's outbound webhook: where to send which events, the signing secret and, for 24 h after a rotation, the
 * previous one. {@code failingSince} is set by the first failed attempt after a success and cleared by a success;
 * {@code disabledReason} is set when the service switched it off: {@code FAILING} (failed for {@code disable-after})
 * or {@code GONE} (the endpoint answered 410); null when an admin switched it off.
 */
public record Subscription(
        String id,
        String companyId,
        String url,
        Set<String> events,
        String description,
        boolean enabled,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        Instant createdAt,
        Instant failingSince,
        Integer lastStatusCode,
        Instant disabledAt,
        String disabledReason) {

    /** The secrets to sign with at {@code now}: the current one, and the previous one while its overlap lasts. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public boolean wants(String type) {
        return events.contains(type);
    }
}
