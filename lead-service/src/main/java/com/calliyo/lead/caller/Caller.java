package com.calliyo.lead.caller;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: the company every read and write is scoped to, and the acting user with their role. A public API
 * key acts for its company with {@code role == null}; what it may do is decided by its scopes at the security layer.
 */
public record Caller(String companyId, String userId, Role role) {

    public Caller {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(userId, "userId");
    }

    private static final String API_KEY_PREFIX = "apikey:";

    public static Caller apiKey(String companyId, String apiKeyId) {
        return new Caller(companyId, API_KEY_PREFIX + apiKeyId, null);
    }

    /** The public API key acting, if it is one (webhook keys also act without a role, but are not API keys). */
    public Optional<String> apiKeyId() {
        return role == null && userId.startsWith(API_KEY_PREFIX)
                ? Optional.of(userId.substring(API_KEY_PREFIX.length())) : Optional.empty();
    }

    public boolean isApiKey() {
        return role == null;
    }

    /** Admins, managers and API keys see every lead of the company; agents only those assigned to them. */
    public boolean seesAllLeads() {
        return role != Role.AGENT;
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }
}
