package com.calliyo.lead.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Turns a bearer token into an API key principal, for the security layer. Tokens without the {@code ck_live_} prefix
 * (e.g. JWTs) are not looked up at all. The key is found by its token's SHA-256 through a unique index: finding a
 * hash by equality reveals nothing usable, since nobody can work back from a hash to 256 random bits.
 */
@Service
public class ApiKeyAuthenticator {

    public static final String TOKEN_PREFIX = "ck_live_";
    /** lastUsedAt is a hint for admins, not an audit log: write it at most this often per key. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final int MAX_TOKEN_LENGTH = 200;

    private final ApiKeys keys;
    private final Clock clock;

    ApiKeyAuthenticator(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public static boolean looksLikeApiKey(String bearerToken) {
        return bearerToken != null && bearerToken.startsWith(TOKEN_PREFIX);
    }

    public Optional<ApiKeyPrincipal> authenticate(String bearerToken) {
        if (!looksLikeApiKey(bearerToken) || bearerToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return keys.findActiveByTokenHash(SecretTokens.hash(bearerToken))
                .filter(key -> SecretTokens.matches(bearerToken, key.tokenHash()))
                .map(key -> {
                    recordUse(key);
                    return new ApiKeyPrincipal(key.companyId(), key.id(), key.scopes());
                });
    }

    private void recordUse(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            keys.touch(key.id(), now);
        }
    }
}
