package com.calliyo.tokencheck;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code calliyo.token-check.*}: where the keys that sign access tokens come from, the issuer to accept, and how far
 * back the revocation feed reads. lead-service's JWK Set is the source in every real run; a PEM public key, when set,
 * replaces it (tests).
 *
 * @param jwkSetUri         lead-service's {@code /.well-known/jwks.json}
 * @param issuer            the {@code iss} every access token must carry
 * @param publicKeyLocation a PEM public key used instead of the key set (tests only)
 * @param revocation        the feed of bans, role and password changes and sign-outs
 */
@ConfigurationProperties("calliyo.token-check")
public record TokenCheckProperties(URI jwkSetUri, String issuer, Resource publicKeyLocation, Revocation revocation) {

    public static final URI DEFAULT_JWK_SET_URI = URI.create("http://localhost:8081/.well-known/jwks.json");
    public static final String DEFAULT_ISSUER = "calliyo";

    public TokenCheckProperties {
        jwkSetUri = jwkSetUri == null ? DEFAULT_JWK_SET_URI : jwkSetUri;
        issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
        revocation = revocation == null ? new Revocation(null, null) : revocation;
    }

    /**
     * @param enabled  whether this process follows {@code crm.company.events} to refuse revoked tokens (default on;
     *                 off only in slices that have no broker)
     * @param lookback how far back a starting process reads: longer than an access token lives (15 min), so every
     *                 revocation that still matters is known before the process has been up a second
     */
    public record Revocation(Boolean enabled, Duration lookback) {

        public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(20);

        public Revocation {
            enabled = enabled == null || enabled;
            lookback = lookback == null ? DEFAULT_LOOKBACK : lookback;
        }
    }
}
