package com.calliyo.gateway.security;

import java.util.HashMap;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * What anyone may call without an access token: exactly the routes the API contract marks public, plus health, the
 * API docs and the web client's pages. Everything else needs a valid token before it is routed.
 *
 * <p>Asked twice on every request (the bearer-token converter and the authorization rules), so it is one plain loop
 * over pre-parsed patterns, with the same answers as Spring Security's {@code OrServerWebExchangeMatcher} of
 * {@code PathPatternParserServerWebExchangeMatcher}s: that one formats a debug message per pattern per request even
 * with debug logging off (commons-logging's SLF4J bridge turns every message into a string before the level check),
 * about 47 kB of garbage per proxied call (205 → 158 kB, measured) and 2% of the gateway's CPU.
 */
final class PublicRoutes {

    /**
     * The web client's paths (any method), as the {@code web-app} route in application.yml matches them: the root
     * and every path whose first segment is not one the gateway or the API owns. Browsers send no bearer token for
     * pages; web-app checks its own session cookies and, on every state-changing request, its CSRF token.
     */
    static final String WEB_APP_PAGES =
            "/{first:(?!(?:api|\\.well-known|actuator|v3|swagger-ui|swagger-ui\\.html|webjars|fallback)$).+}/**";

    /** In the order they are tried; package-private for the test that checks the matcher against Spring's. */
    static final List<Route> ROUTES = List.of(
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
            route(null, "/"),
            route(null, WEB_APP_PAGES));

    /** Matches when the first public route whose method (if it names one) and pattern fit the request does. */
    static final ServerWebExchangeMatcher MATCHER = exchange -> {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        for (Route route : ROUTES) {
            if (route.method() != null && !route.method().equals(request.getMethod())) {
                continue;
            }
            PathPattern.PathMatchInfo match = route.parsed().matchAndExtract(path);
            if (match != null) {
                return ServerWebExchangeMatcher.MatchResult.match(new HashMap<>(match.getUriVariables()));
            }
        }
        return ServerWebExchangeMatcher.MatchResult.notMatch();
    };

    private PublicRoutes() {
    }

    /** A null method matches every method. Parsed as Spring Security's path matcher parses its patterns. */
    private static Route route(HttpMethod method, String pattern) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return new Route(method, pattern, parser.parse(parser.initFullPathPattern(pattern)));
    }

    record Route(HttpMethod method, String pattern, PathPattern parsed) {
    }
}
