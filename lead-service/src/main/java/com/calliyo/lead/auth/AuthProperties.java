package com.calliyo.lead.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings. {@code issuer} is the {@code iss} claim every service checks; access tokens are short-lived
 * ({@code tokenTtl}, 15 minutes by default) because a stolen token cannot be recalled except by banning its user.
 */
@ConfigurationProperties("lead.auth")
public record AuthProperties(String issuer, Duration tokenTtl) {

    public AuthProperties {
        issuer = issuer == null || issuer.isBlank() ? "calliyo" : issuer;
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
    }
}
