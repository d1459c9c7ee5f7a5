package com.calliyo.web.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import org.springframework.stereotype.Component;

/** lead-service's public identity calls, through the gateway. */
@Component
public class AuthApi {

    /** Shown in the user's list of sessions; lead-service keeps it per sign-in. */
    static final String DEVICE_ID = "web-app";

    private final GatewayApi api;

    AuthApi(GatewayApi api) {
        this.api = api;
    }

    public Tokens login(String companyId, String email, String password) {
        Map<String, String> body = new HashMap<>();
        if (companyId != null && !companyId.isBlank()) {
            body.put("companyId", companyId.trim());
        }
        body.put("email", email);
        body.put("password", password);
        body.put("deviceId", DEVICE_ID);
        return api.postAnonymous("/api/auth/login", body, Tokens.class);
    }

    /** Empty when the refresh token is dead (rotated, revoked, expired, user banned): the user signs in again. */
    public Optional<Tokens> refresh(String refreshToken) {
        try {
            return Optional.of(api.postAnonymous("/api/auth/refresh", Map.of("refreshToken", refreshToken),
                    Tokens.class));
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void logout(String accessToken, String refreshToken) {
        api.postWithToken("/api/auth/logout", refreshToken == null ? Map.of() : Map.of("refreshToken", refreshToken),
                accessToken);
    }

    public Map<?, ?> signUp(Map<String, String> company) {
        return api.postAnonymous("/api/companies", company, Map.class);
    }
}
