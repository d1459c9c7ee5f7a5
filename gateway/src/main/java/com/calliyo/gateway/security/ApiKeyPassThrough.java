package com.calliyo.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An opaque public-API key on its way to lead-service, which alone knows the keys (it stores their hashes). The
 * gateway only lets it through to lead-service's paths; its name (a hash prefix, never the key) keys the rate limit.
 */
final class ApiKeyPassThrough extends AbstractAuthenticationToken {

    private final String name;

    ApiKeyPassThrough(String token) {
        super(List.of());
        this.name = "apikey:" + sha256(token).substring(0, 16);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
