package com.calliyo.lead.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Creates, lists, regenerates and revokes the caller's company's API keys; admins only. */
@Service
class ApiKeyService {

    private static final String KNOWN_SCOPES = Arrays.stream(ApiScope.values()).map(ApiScope::value)
            .collect(Collectors.joining(", "));

    private final ApiKeys keys;
    private final Clock clock;

    ApiKeyService(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    IssuedApiKey create(Caller caller, String name, List<String> scopes) {
        requireAdmin(caller);
        Set<ApiScope> granted = parseScopes(scopes);
        String token = SecretTokens.generate(ApiKeyAuthenticator.TOKEN_PREFIX);
        Instant now = clock.instant();
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), caller.companyId(), name.trim(), granted,
                SecretTokens.hash(token), now, now, null, null);
        keys.insert(key);
        return new IssuedApiKey(key, token);
    }

    List<ApiKey> page(Caller caller, int page, int size) {
        requireAdmin(caller);
        return keys.page(caller.companyId(), page, size);
    }

    long count(Caller caller) {
        return keys.count(caller.companyId());
    }

    /** A new token for the key; the old one fails from this write on. */
    IssuedApiKey regenerate(Caller caller, String id) {
        requireAdmin(caller);
        String token = SecretTokens.generate(ApiKeyAuthenticator.TOKEN_PREFIX);
        if (!keys.replaceToken(caller.companyId(), id, SecretTokens.hash(token), clock.instant())) {
            throw new ApiKeyNotFoundException(id);
        }
        return new IssuedApiKey(keys.findActive(caller.companyId(), id)
                .orElseThrow(() -> new ApiKeyNotFoundException(id)), token);
    }

    void revoke(Caller caller, String id) {
        requireAdmin(caller);
        if (!keys.revoke(caller.companyId(), id, clock.instant())) {
            throw new ApiKeyNotFoundException(id);
        }
    }

    static Set<ApiScope> parseScopes(List<String> scopes) {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        for (int i = 0; i < scopes.size(); i++) {
            Optional<ApiScope> scope = ApiScope.fromValue(scopes.get(i) == null ? "" : scopes.get(i).trim());
            if (scope.isEmpty()) {
                throw new InvalidFieldException("scopes[" + i + "]", "is not a scope; use one of " + KNOWN_SCOPES);
            }
            parsed.add(scope.get());
        }
        return parsed;
    }

    static void requireAdmin(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can manage API keys");
        }
    }

    /** A key together with its token, which is shown this once and never again. */
    record IssuedApiKey(ApiKey key, String token) {
    }
}
