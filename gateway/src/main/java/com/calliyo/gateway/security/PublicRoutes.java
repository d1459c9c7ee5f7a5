package com.calliyo.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * What anyone may call without an access token: exactly the routes the API contract marks public, plus health, the
 * API docs and the web client's pages. Everything else needs a valid token before it is routed.
 */
final class PublicRoutes {

    /**
     * The web client's paths (any method), as the {@code web-app} route in application.yml matches them: the root
     * and every path whose first segment is not one the gateway or the API owns. Browsers send no bearer token for
     * pages; web-app checks its own session cookies and, on every state-changing request, its CSRF token.
     */
    static final String WEB_APP_PAGES =
            "/{first:(?!(?:api|\\.well-known|actuator|v3|swagger-ui|swagger-ui\\.html|webjars|fallback)$).+}/**";

    static final ServerWebExchangeMatcher MATCHER = new OrServerWebExchangeMatcher(
            route(HttpMethod.POST, "/api/companies"),
            route(HttpMethod.POST, "/api/auth/login"),
            // The phone client's sign-in by mobile number and mPIN (lead-service locks after five wrong ones).
            route(HttpMethod.POST, "/api/agents/auth/login"),
            // The refresh token is the credential: the access token it replaces has usually expired.
            route(HttpMethod.POST, "/api/auth/refresh"),
            route(HttpMethod.GET, "/.well-known/jwks.json"),
            // Web forms on customers' sites; lead-service checks X-Webhook-Token and the allowed origins per key.
            route(HttpMethod.POST, "/api/webhooks/leads/{keyId}"),
            route(HttpMethod.GET, "/actuator/health"),
            route(HttpMethod.GET, "/actuator/health/**"),
            route(HttpMethod.GET, "/actuator/info"),
            route(HttpMethod.GET, "/actuator/prometheus"),
            route(HttpMethod.GET, "/swagger-ui.html"),
            route(HttpMethod.GET, "/swagger-ui/**"),
            route(HttpMethod.GET, "/webjars/swagger-ui/**"),
            route(HttpMethod.GET, "/v3/api-docs"),
            route(HttpMethod.GET, "/v3/api-docs/**"),
            new PathPatternParserServerWebExchangeMatcher("/"),
            new PathPatternParserServerWebExchangeMatcher(WEB_APP_PAGES));

    private PublicRoutes() {
    }

    private static ServerWebExchangeMatcher route(HttpMethod method, String pattern) {
        return new PathPatternParserServerWebExchangeMatcher(pattern, method);
    }
}
