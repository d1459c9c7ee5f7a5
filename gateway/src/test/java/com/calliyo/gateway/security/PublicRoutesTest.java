package com.calliyo.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

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
}
