package com.calliyo.gateway.security;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRoutesTest {

    @ParameterizedTest
    @CsvSource({
            // The web client's pages and assets, any method: web-app checks its own session and CSRF token.
            "GET, /, true",
            "GET, /sign-in, true",
            "POST, /sign-in, true",
            "POST, /leads/lead-1/calls, true",
            "GET, /assets/webjars/bootstrap/dist/css/bootstrap.min.css, true",
            "GET, /apiary, true",
            "GET, /wellknown, true",
            // The contract's public API routes, only with their method.
            "POST, /api/auth/login, true",
            "GET, /api/auth/login, false",
            "GET, /.well-known/jwks.json, true",
            // Everything the gateway or the API owns stays behind the token.
            "GET, /api/leads, false",
            "POST, /api/leads, false",
            "GET, /api, false",
            "GET, /.well-known/other, false",
            "POST, /actuator/health, false",
            "GET, /actuator/env, false",
            "GET, /v3/api-docs-x, false",
            "GET, /fallback/web-app, false",
            "DELETE, /webjars/swagger-ui/index.html, false"})
    void shouldLetThroughExactlyThePublicRoutesAndThePages(String method, String path, boolean open) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.valueOf(method), path).build());

        assertThat(PublicRoutes.MATCHER.matches(exchange).block().isMatch()).as("%s %s", method, path)
                .isEqualTo(open);
    }

    /**
     * The matcher is a plain loop for speed; it must answer exactly as Spring Security's own matchers over the same
     * patterns did (match or not, and the path variables), for every method on paths around each pattern.
     */
    @Test
    void shouldAnswerAsSpringSecuritysMatchersOverTheSamePatterns() {
        ServerWebExchangeMatcher spring = new OrServerWebExchangeMatcher(PublicRoutes.ROUTES.stream()
                .map(route -> (ServerWebExchangeMatcher) new PathPatternParserServerWebExchangeMatcher(
                        route.pattern(), route.method()))
                .toList());
        List<String> paths = Stream.concat(
                PublicRoutes.ROUTES.stream().flatMap(route -> variantsOf(route.pattern())),
                Stream.of("/", "/api", "/api/", "/api/leads/lead-1", "/api/webhooks/leads/k1",
                        "/api/webhooks/leads/k1/x", "/actuator", "/actuator/health/liveness", "/v3", "/v3/api-docs/leads",
                        "/swagger-ui.html", "/webjars/swagger-ui/index.html", "/leads/lead-1", "/fallback",
                        "/fallback/web-app", "/.well-known", "/assets/app.js", "/api;x=1/leads", "/sign-in/"))
                .distinct()
                .toList();
        int compared = 0;
        for (HttpMethod method : HttpMethod.values()) {
            for (String path : paths) {
                MockServerWebExchange exchange = MockServerWebExchange.from(
                        MockServerHttpRequest.method(method, path).build());
                MatchResult expected = spring.matches(exchange).block();
                MatchResult actual = PublicRoutes.MATCHER.matches(exchange).block();
                assertThat(actual.isMatch()).as("%s %s", method, path).isEqualTo(expected.isMatch());
                assertThat(actual.getVariables()).as("%s %s", method, path).isEqualTo(expected.getVariables());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    /** The pattern's own path (variables and wildcards filled in), one segment more and one less. */
    private static Stream<String> variantsOf(String pattern) {
        String path = pattern.replaceAll("\\{[^/]*\\}", "x1").replace("/**", "/a/b");
        if (pattern.startsWith("/{first")) {
            path = "/leads/a/b";
        }
        String parent = path.contains("/") ? path.substring(0, Math.max(1, path.lastIndexOf('/'))) : "/";
        return Stream.of(path, path + "/more", parent, path.toUpperCase());
    }
}
