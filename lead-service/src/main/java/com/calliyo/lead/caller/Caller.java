package com.calliyo.lead.caller;

import java.util.Objects;

/**
 * Who is asking: the company every read and write is scoped to, and the acting user with their role. A public API
 * key acts for its company with {@code role == null}; what it may do is decided by its scopes at the security layer.
 */
public record Caller(String companyId, String userId, Role role) {

    public Caller {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(userId, "userId");
    }

    public static Caller apiKey(String companyId, String apiKeyId) {
        return new Caller(companyId, "apikey:" + apiKeyId, null);
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
