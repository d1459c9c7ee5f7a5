package com.calliyo.lead.apikey;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a public API key may do: one read or write permission per resource, as in the product's scope table
 * (customers, users, statuses, calls and campaigns are read-only). {@link #value()} is the wire form.
 */
public enum ApiScope {
    LEADS_READ("leads:read"),
    LEADS_WRITE("leads:write"),
    CUSTOMERS_READ("customers:read"),
    USERS_READ("users:read"),
    STATUSES_READ("statuses:read"),
    TAGS_READ("tags:read"),
    TAGS_WRITE("tags:write"),
    FOLLOWUPS_READ("followups:read"),
    FOLLOWUPS_WRITE("followups:write"),
    NOTES_READ("notes:read"),
    NOTES_WRITE("notes:write"),
    CALLS_READ("calls:read"),
    CAMPAIGNS_READ("campaigns:read");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The scope with exactly this wire form, e.g. {@code leads:read}. */
    public static Optional<ApiScope> fromValue(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

    /**
     * The scope an API key needs for this request ({@code path} as the client sent it, e.g. {@code /api/leads/42};
     * a query string is ignored), or empty when API keys may not make it at all (answer 403).
     */
    public static Optional<ApiScope> requiredFor(String method, String path) {
        return ScopeRules.requiredFor(method, path);
    }
}
