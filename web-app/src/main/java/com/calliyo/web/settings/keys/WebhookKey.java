package com.calliyo.web.settings.keys;

import java.time.Instant;
import java.util.List;

import com.calliyo.web.leads.Status;

/** An inbound webhook key as listed (never its token): where forms post leads, and what they get. */
public record WebhookKey(String id, String name, String url, List<String> allowedDomains, String honeypotField,
                         Status defaultStatus, List<String> defaultTags, Instant createdAt, Instant tokenIssuedAt) {
}
