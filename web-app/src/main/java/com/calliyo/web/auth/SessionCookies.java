package com.calliyo.web.auth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The whole session lives in the browser, in three cookies no page script can read (HttpOnly), sent only on
 * same-site navigations (SameSite=Lax) and only over TLS when the page came over TLS (Secure). Nothing is kept on
 * the server, so any web-app instance can serve any request.
 */
@Component
public class SessionCookies {

    static final String ACCESS = "calliyo_access";
    static final String REFRESH = "calliyo_refresh";
    static final String NAME = "calliyo_name";

    public void write(HttpServletRequest request, HttpServletResponse response, Tokens tokens) {
        Duration life = Duration.ofSeconds(Math.max(60, tokens.refreshExpiresIn()));
        add(request, response, ACCESS, tokens.accessToken(), life);
        add(request, response, REFRESH, tokens.refreshToken(), life);
        add(request, response, NAME, URLEncoder.encode(tokens.user().name(), StandardCharsets.UTF_8), life);
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        for (String name : new String[] {ACCESS, REFRESH, NAME}) {
            add(request, response, name, "", Duration.ZERO);
        }
    }

    String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return name.equals(NAME) ? URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8)
                        : cookie.getValue();
            }
        }
        return null;
    }

    private static void add(HttpServletRequest request, HttpServletResponse response, String name, String value,
                            Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .sameSite("Lax")
                // isSecure() follows X-Forwarded-Proto from the gateway (server.forward-headers-strategy).
                .secure(request.isSecure())
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
