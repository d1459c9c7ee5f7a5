package com.calliyo.web.settings.keys;

import java.time.Instant;
import java.util.List;

/** A public API key as listed (never its token). */
public record ApiKey(String id, String name, List<String> scopes, Instant createdAt, Instant tokenIssuedAt,
                     Instant lastUsedAt) {
}
