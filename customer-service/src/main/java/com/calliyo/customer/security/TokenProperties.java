package com.calliyo.customer.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code customer.security.*}: where the keys that sign access tokens come from, and the issuer to accept.
 * lead-service's JWK Set is the source in every real run; a PEM public key, when set, replaces it (tests).
 */
@ConfigurationProperties("customer.security")
record TokenProperties(URI jwkSetUri, String issuer, Resource publicKeyLocation) {

    static final URI DEFAULT_JWK_SET_URI = URI.create("http://localhost:8081/.well-known/jwks.json");
    static final String DEFAULT_ISSUER = "calliyo";

    TokenProperties {
        jwkSetUri = jwkSetUri == null ? DEFAULT_JWK_SET_URI : jwkSetUri;
        issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
    }
}
