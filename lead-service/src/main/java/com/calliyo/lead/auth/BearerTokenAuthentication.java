package com.calliyo.lead.auth;

import com.calliyo.lead.apikey.ApiKeyAuthenticator;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One bearer header, two kinds of token: public API keys (opaque, {@code ck_live_...}, looked up by hash) and
 * access tokens (JWTs, verified with the signing key).
 */
class BearerTokenAuthentication implements AuthenticationManager {

    private final JwtAuthenticationProvider jwt;
    private final ApiKeyAuthenticator apiKeys;

    BearerTokenAuthentication(JwtAuthenticationProvider jwt, ApiKeyAuthenticator apiKeys) {
        this.jwt = jwt;
        this.apiKeys = apiKeys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        BearerTokenAuthenticationToken bearer = (BearerTokenAuthenticationToken) authentication;
        if (ApiKeyAuthenticator.looksLikeApiKey(bearer.getToken())) {
            return apiKeys.authenticate(bearer.getToken()).map(ApiKeyAuthentication::new)
                    .orElseThrow(() -> new InvalidBearerTokenException("Unknown or revoked API key"));
        }
        return jwt.authenticate(bearer);
    }
}
