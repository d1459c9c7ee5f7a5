package com.calliyo.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway treats public-API keys. Access tokens are checked as {@code calliyo.token-check.*} says.
 *
 * @param apiKeyPrefix   how an opaque public-API key starts; such tokens are not JWTs and only lead-service can check
 *                       them
 * @param apiKeyPaths    path patterns where an API key is passed through to lead-service; anywhere else it is a 401
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(String apiKeyPrefix, List<String> apiKeyPaths) {

    public GatewaySecurityProperties {
        apiKeyPaths = apiKeyPaths == null ? List.of() : List.copyOf(apiKeyPaths);
    }
}
