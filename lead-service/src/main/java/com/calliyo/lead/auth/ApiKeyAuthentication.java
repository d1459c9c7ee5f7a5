package com.calliyo.lead.auth;

import java.util.List;

import com.calliyo.lead.apikey.ApiKeyPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request signed with a public API key: the principal is the key's {@code Caller}, the details its scopes. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeyPrincipal key;

    ApiKeyAuthentication(ApiKeyPrincipal key) {
        super(List.of(new SimpleGrantedAuthority("API_KEY")));
        this.key = key;
        setAuthenticated(true);
    }

    ApiKeyPrincipal key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.toCaller();
    }
}
