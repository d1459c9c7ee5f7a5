package com.calliyo.webhook.subscription;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.calliyo.webhook.subscription.domain.WebhookEventType;
import com.calliyo.webhook.web.ApiException;

/** The bodies of {@code POST} and {@code PATCH /api/settings/webhooks}, and their checks. */
final class SubscriptionRequests {

    static final int MAX_URL = 2048;
    static final int MAX_DESCRIPTION = 500;

    private SubscriptionRequests() {
    }

    /** {@code POST}: {@code url} and {@code events} required; {@code enabled} defaults to true. */
    record Create(String url, List<String> events, String description, Boolean enabled) {
    }

    /** {@code PATCH}: only what is given changes. */
    record Change(String url, List<String> events, String description, Boolean enabled) {
    }

    static String url(String url, TargetGuard guard) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("url", "is required");
        }
        if (url.length() > MAX_URL) {
            throw ApiException.invalid("url", "must be at most " + MAX_URL + " characters");
        }
        guard.refusal(url).ifPresent(reason -> {
            throw ApiException.unprocessable("url", reason);
        });
        return url;
    }

    static Set<String> events(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw ApiException.invalid("events", "must name at least one event type");
        }
        Set<String> known = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || WebhookEventType.ofWireName(event).isEmpty()) {
                throw ApiException.unprocessable("events", "has an unknown event type " + event + "; known: "
                        + String.join(", ", WebhookEventType.wireNames()));
            }
            known.add(event);
        }
        return known;
    }

    static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiException.invalid("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }
}
