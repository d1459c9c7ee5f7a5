package com.calliyo.web.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends someone without a live session to "Sign in", remembering the page they were on in {@code next} (no
 * server-side saved request: any instance may serve the sign-in). An htmx request gets {@code HX-Redirect}, so the
 * whole page changes instead of the sign-in form landing inside a panel.
 */
public final class SignInRedirect {

    private SignInRedirect() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = "/sign-in?next=" + URLEncoder.encode(pageOf(request), StandardCharsets.UTF_8);
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", target);
            return;
        }
        response.sendRedirect(target);
    }

    /** The page to come back to: this one for a GET, the page the form was on (htmx says which) otherwise. */
    static String pageOf(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
            String query = request.getQueryString();
            return safe(request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        String current = request.getHeader("HX-Current-URL");
        if (current != null) {
            try {
                URI uri = URI.create(current);
                return safe(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            } catch (IllegalArgumentException e) {
                return "/";
            }
        }
        return "/";
    }

    /** Only a path of this site: never {@code //evil.example} or {@code https://...}, which would be an open redirect. */
    public static String safe(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20) || next.startsWith("/sign-in")) {
            return "/";
        }
        return next;
    }
}
