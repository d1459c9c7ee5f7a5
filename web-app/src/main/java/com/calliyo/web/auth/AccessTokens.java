package com.calliyo.web.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import com.calliyo.tokencheck.TokenCheckProperties;
import com.calliyo.tokencheck.TokenClaims;
import com.calliyo.tokencheck.TokenDecoders;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import com.calliyo.web.WebAppProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access token in the cookie is verified by token-check, as the gateway and every service do (RS256 against the
 * key set the gateway publishes, issuer, expiry, the suite's claims), so a forged cookie cannot open an admin's page
 * here. web-app follows no revocation feed: every API call it makes is checked again, revocations included, and a
 * refused call ends the page's session.
 */
@Configuration(proxyBeanMethods = false)
public class AccessTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    JwtDecoder accessTokenDecoder(WebAppProperties properties) {
        TokenCheckProperties tokens = new TokenCheckProperties(
                URI.create(properties.gatewayUrl() + "/.well-known/jwks.json"), properties.tokenIssuer(), null, null);
        return TokenDecoders.servlet(tokens, new RevokedAccess(tokens.revocation().lookback(), Clock.systemUTC()));
    }

    /**
     * When the token expires, read without checking the signature: only used to decide whether to refresh before
     * the token is verified. Null when the value is not a JWT.
     */
    static Instant expiresAt(String token) {
        JsonNode exp = claim(token, "exp");
        return exp == null || !exp.isNumber() ? null : Instant.ofEpochSecond(exp.asLong());
    }

    /** The session the token belongs to ({@code sid}), read without checking: only for tokens already verified. */
    static String sessionId(String token) {
        JsonNode sid = claim(token, TokenClaims.SESSION_ID);
        return sid == null || !sid.isString() ? null : sid.asString();
    }

    private static JsonNode claim(String token, String name) {
        try {
            String[] parts = token.split("\\.");
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return claims.get(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Viewer viewer(Jwt jwt, String name) {
        return new Viewer(jwt.getSubject(), name == null ? "" : name, jwt.getClaimAsString("role"),
                jwt.getClaimAsString("companyId"));
    }
}
