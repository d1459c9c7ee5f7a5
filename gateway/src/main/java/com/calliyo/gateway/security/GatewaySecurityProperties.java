package com.calliyo.gateway.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway checks callers.
 *
 * @param jwkSetUri      the signing keys of the token issuer (lead-service's {@code /.well-known/jwks.json})
 * @param issuer         the {@code iss} every access token must carry
 * @param apiKeyPrefix   how an opaque public-API key starts; such tokens are not JWTs and only lead-service can check
 *                       them
 * @param apiKeyPaths    path patterns where an API key is passed through to lead-service; anywhere else it is a 401
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(URI jwkSetUri, String issuer, String apiKeyPrefix, List<String> apiKeyPaths) {

    public GatewaySecurityProperties {
        apiKeyPaths = apiKeyPaths == null ? List.of() : List.copyOf(apiKeyPaths);
    }
}
