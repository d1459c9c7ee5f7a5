package com.calliyo.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access for the suite's own clients.
 *
 * @param allowedOrigins the web app's and the hybrid mobile app's origins (native apps send no Origin at all)
 * @param maxAge         how long a browser may reuse a preflight answer
 */
@ConfigurationProperties("gateway.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
    }
}
