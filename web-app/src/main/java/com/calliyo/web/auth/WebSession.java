package com.calliyo.web.auth;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's tokens for the request being served. A refresh here writes the new cookies on this
 * request's response, so the browser sends the new tokens from its next request on.
 */
public final class WebSession {

    static final String ATTRIBUTE = WebSession.class.getName();

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final SessionCookies cookies;
    private final TokenRefresher refresher;
    private String accessToken;
    private String refreshToken;

    WebSession(HttpServletRequest request, HttpServletResponse response, SessionCookies cookies,
               TokenRefresher refresher, String accessToken, String refreshToken) {
        this.request = request;
        this.response = response;
        this.cookies = cookies;
        this.refresher = refresher;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }

    public static Optional<WebSession> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable((WebSession) attributes.getRequest().getAttribute(ATTRIBUTE));
        }
        return Optional.empty();
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /** When the access token this request was served with expires. */
    public Instant accessTokenExpiresAt() {
        return AccessTokens.expiresAt(accessToken);
    }

    /** The sign-in session this request belongs to (the token's {@code sid}); null for tokens without one. */
    public String sessionId() {
        return AccessTokens.sessionId(accessToken);
    }

    /** Renews the tokens once (e.g. after the API answered 401); false when the session is over. */
    public boolean refresh() {
        if (refreshToken == null) {
            end();
            return false;
        }
        Optional<Tokens> fresh = refresher.refresh(refreshToken);
        if (fresh.isEmpty()) {
            end();
            return false;
        }
        accessToken = fresh.get().accessToken();
        refreshToken = fresh.get().refreshToken();
        cookies.write(request, response, fresh.get());
        return true;
    }

    /** Forgets the session in this browser. */
    public void end() {
        cookies.clear(request, response);
    }
}
