package com.calliyo.web.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.calliyo.web.api.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the session cookies into the signed-in user of this request. An access token within {@code refreshBefore}
 * of its expiry (or already expired) is refreshed first, so the request itself, typically a form the user spent
 * minutes on, goes to the API with a live token. A dead session clears the cookies and leaves the request
 * anonymous, which sends it to "Sign in".
 */
class CookieSessionFilter extends OncePerRequestFilter {

    /** Assets are requested in parallel with the page: they need no session and must not race to refresh it. */
    private static final List<String> SESSIONLESS = List.of("/assets/", "/css/", "/js/", "/actuator/", "/favicon");

    private final SessionCookies cookies;
    private final TokenRefresher refresher;
    private final JwtDecoder decoder;
    private final Duration refreshBefore;
    private final Clock clock;

    CookieSessionFilter(SessionCookies cookies, TokenRefresher refresher, JwtDecoder decoder, Duration refreshBefore,
                        Clock clock) {
        this.cookies = cookies;
        this.refresher = refresher;
        this.decoder = decoder;
        this.refreshBefore = refreshBefore;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return SESSIONLESS.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String access = cookies.read(request, SessionCookies.ACCESS);
        String refresh = cookies.read(request, SessionCookies.REFRESH);
        String name = cookies.read(request, SessionCookies.NAME);
        if (access == null && refresh == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant expiresAt = access == null ? null : AccessTokens.expiresAt(access);
        Instant now = clock.instant();
        if (expiresAt == null || expiresAt.minus(refreshBefore).isBefore(now)) {
            Optional<Tokens> fresh;
            try {
                fresh = refresh == null ? Optional.empty() : refresher.refresh(refresh);
            } catch (ApiException e) {
                if (expiresAt == null || !expiresAt.isAfter(now)) {
                    // Cannot renew now and the old token is dead: ask to try again rather than to sign in again.
                    response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    return;
                }
                fresh = null; // the old token still works for a few seconds; the next request tries again
            }
            if (fresh != null) {
                if (fresh.isEmpty()) {
                    cookies.clear(request, response);
                    chain.doFilter(request, response);
                    return;
                }
                access = fresh.get().accessToken();
                refresh = fresh.get().refreshToken();
                name = fresh.get().user().name();
                cookies.write(request, response, fresh.get());
            }
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(access);
        } catch (BadJwtException e) {
            cookies.clear(request, response);
            chain.doFilter(request, response);
            return;
        } catch (JwtException e) {
            // The key set could not be fetched: the gateway is away, not the user's session.
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        Viewer viewer = AccessTokens.viewer(jwt, name);
        request.setAttribute(WebSession.ATTRIBUTE,
                new WebSession(request, response, cookies, refresher, access, refresh));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
