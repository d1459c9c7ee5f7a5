package com.calliyo.lead.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings. {@code issuer} is the {@code iss} claim every service checks. Access tokens are short-lived
 * ({@code tokenTtl}, 15 minutes by default) because services check them without asking lead-service; a session
 * lives on through its refresh token ({@code refreshTokenTtl}, 30 days, counted again from every rotation).
 * {@code cleanupInterval} is how often expired refresh tokens and sessions are deleted.
 */
@ConfigurationProperties("lead.auth")
public record AuthProperties(String issuer, Duration tokenTtl, Duration refreshTokenTtl, Duration cleanupInterval) {

    public AuthProperties {
        issuer = issuer == null || issuer.isBlank() ? "calliyo" : issuer;
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
    }
}
