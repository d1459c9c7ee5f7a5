package com.calliyo.tokencheck.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Tokens whose signature this process has verified, keyed by the token's exact text and kept until the token's
 * {@code exp}: the RSA check, the costliest step of a cheap read, runs once per token instead of once per request.
 * A remembered token still passes every validator on every request (issuer, lifetime, claims, revocation), so a ban,
 * a role or password change or a sign-out refuses it exactly as fast as before; only parsing and the signature check
 * are skipped, and only for the very bytes that were verified. Bounded, so a flood of distinct tokens cannot grow it.
 */
public final class VerifiedTokens {

    /** About 4 KB a token (text and claims): at most ~16 MB, and far more live tokens than a process serves. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    private final Cache<String, Jwt> tokens;
    private final OAuth2TokenValidator<Jwt> validator;

    public VerifiedTokens(int maxTokens, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.validator = validator;
        this.tokens = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    /** A servlet decoder that asks {@code verifying} (which must validate with this validator) only for new tokens. */
    public JwtDecoder around(JwtDecoder verifying) {
        return token -> {
            Jwt known = recheck(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = verifying.decode(token);
            remember(token, jwt);
            return jwt;
        };
    }

    /** The gateway's decoder: asks {@code verifying} (validating with this validator) only for new tokens. */
    public ReactiveJwtDecoder around(ReactiveJwtDecoder verifying) {
        return token -> {
            Jwt known;
            try {
                known = recheck(token);
            } catch (JwtException refused) {
                return Mono.error(refused);
            }
            return known != null ? Mono.just(known)
                    : verifying.decode(token).doOnNext(jwt -> remember(token, jwt));
        };
    }

    /**
     * The remembered token, validated again now; null when this text was not verified here (or has expired).
     *
     * @throws JwtValidationException when a validator refuses it now (revoked, expired), as a decoder would
     */
    Jwt recheck(String token) {
        Jwt jwt = tokens.getIfPresent(token);
        if (jwt == null) {
            return null;
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return jwt;
    }

    /** Keeps a token that a decoder has just verified and validated in full. */
    void remember(String token, Jwt verified) {
        if (verified.getExpiresAt() != null) {
            tokens.put(token, verified);
        }
    }

    long size() {
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The message Spring's Nimbus decoders give, so a refusal reads the same whether the token was cached or not. */
    private static String message(Collection<OAuth2Error> errors) {
        return errors.stream()
                .map(OAuth2Error::getDescription)
                .filter(description -> description != null && !description.isEmpty())
                .findFirst()
                .map(description -> "An error occurred while attempting to decode the Jwt: " + description)
                .orElse("Unable to validate Jwt");
    }
}
