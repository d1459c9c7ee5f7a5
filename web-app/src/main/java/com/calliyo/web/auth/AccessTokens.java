package com.calliyo.web.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.calliyo.web.WebAppProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access token in the cookie is verified like the gateway does (RS256 against the key set the gateway
 * publishes), so a forged cookie cannot open an admin's page here; the API checks every call again anyway.
 */
@Configuration(proxyBeanMethods = false)
public class AccessTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    JwtDecoder accessTokenDecoder(WebAppProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSetUri(properties.gatewayUrl() + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.tokenIssuer()));
        return decoder;
    }

    /**
     * When the token expires, read without checking the signature: only used to decide whether to refresh before
     * the token is verified. Null when the value is not a JWT.
     */
    static Instant expiresAt(String token) {
        try {
            String[] parts = token.split("\\.");
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            JsonNode exp = claims.get("exp");
            return exp == null || !exp.isNumber() ? null : Instant.ofEpochSecond(exp.asLong());
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Viewer viewer(Jwt jwt, String name) {
        return new Viewer(jwt.getSubject(), name == null ? "" : name, jwt.getClaimAsString("role"),
                jwt.getClaimAsString("companyId"));
    }
}
