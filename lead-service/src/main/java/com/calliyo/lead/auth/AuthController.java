package com.calliyo.lead.auth;

import com.calliyo.lead.caller.Role;
import com.calliyo.lead.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

    private final LoginService logins;
    private final SignInSessions sessions;

    AuthController(LoginService logins, SignInSessions sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    @Operation(summary = "Sign in → an access token (15 min, its sid names the new session) and a refresh token "
            + "(30 days); 401 on bad credentials or a banned user")
    @SecurityRequirements
    @PostMapping("/api/auth/login")
    ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest request) {
        String deviceId = request.deviceId() == null || request.deviceId().isBlank() ? null : request.deviceId().trim();
        return granted(logins.login(request.companyId(), request.email(), request.password(), deviceId));
    }

    @Operation(summary = "Rotate a refresh token → a new access token of the same session and a new refresh token "
            + "(30 days from now); the old one is dead. A rotated token used again ends the whole session. Unknown, "
            + "expired or revoked tokens, banned users and users whose role or password changed since sign-in → 401")
    @SecurityRequirements
    @PostMapping("/api/auth/refresh")
    ResponseEntity<LoginResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return granted(sessions.refresh(request.refreshToken()));
    }

    @Operation(summary = "Sign out: ends the session of the access token (its sid) and revokes its refresh tokens "
            + "→ 204; an optional refreshToken must be one of that session's (else 400); an ended session → 401")
    @PostMapping("/api/auth/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token,
                                @RequestBody(required = false) LogoutRequest request) {
        if (token == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign out needs a user's access token");
        }
        sessions.logout(token.getClaimAsString(TokenIssuer.COMPANY_ID), token.getSubject(),
                token.getClaimAsString(TokenIssuer.SESSION_ID), request == null ? null : request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /** Tokens must not be kept by caches or proxies (RFC 6749 §5.1). */
    static ResponseEntity<LoginResponse> granted(SignInSessions.Grant grant) {
        var user = grant.user();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new LoginResponse(
                grant.accessToken().value(), "Bearer", grant.accessToken().expiresInSeconds(),
                new LoginResponse.SignedInUser(user.id(), user.name(), user.role(), user.companyId()),
                grant.refreshToken(), grant.refreshExpiresInSeconds(), grant.sessionId()));
    }

    record LoginRequest(@Size(max = 64) String companyId,
                        @NotBlank @Size(max = 254) String email,
                        @NotBlank @Size(max = 200) String password,
                        @Size(max = 100) String deviceId) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    /** The body is optional. */
    record LogoutRequest(String refreshToken) {
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn, SignedInUser user,
                         String refreshToken, long refreshExpiresIn, String sessionId) {

        record SignedInUser(String id, String name, Role role, String companyId) {
        }
    }
}
