package com.calliyo.gateway.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Two CORS policies. The suite's web and mobile apps get the configured origins with bearer tokens (no cookies,
 * so no credentials). Inbound lead webhooks come from forms on customers' own sites, which the gateway cannot list:
 * their preflight is allowed from any origin for POST only, and lead-service then refuses the real POST (403) unless
 * its {@code Origin} is one of that webhook key's allowed domains and it carries the key's {@code X-Webhook-Token}.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // Registered first: the first matching pattern wins.
        source.registerCorsConfiguration("/api/webhooks/**", webhooks(properties));
        source.registerCorsConfiguration("/**", apps(properties));
        return source;
    }

    private static CorsConfiguration webhooks(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.setAllowedMethods(List.of("POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "X-Webhook-Token", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        return cors;
    }

    private static CorsConfiguration apps(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "X-Request-Id",
                "X-Confirm-Password", "Prefer"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        return cors;
    }
}
