package com.calliyo.lead.apikey;

import java.util.Set;

import com.calliyo.lead.caller.Caller;

/** A request authenticated by a public API key: the key's company, the key, and what the key may do. */
public record ApiKeyPrincipal(String companyId, String apiKeyId, Set<ApiScope> scopes) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }

    /** The caller the use cases see: the key's company, no user role. */
    public Caller toCaller() {
        return Caller.apiKey(companyId, apiKeyId);
    }
}
