package com.calliyo.web.auth;

/** lead-service's answer to sign-in and refresh: a short-lived access token and the refresh token that renews it. */
public record Tokens(String accessToken, String tokenType, long expiresIn, SignedInUser user, String refreshToken,
                     long refreshExpiresIn, String sessionId) {

    public record SignedInUser(String id, String name, String role, String companyId) {
    }
}
