package com.calliyo.tokencheck.servlet;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class CallerLogContextTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    @Test
    void shouldLogTheRequestIdCompanyAndUserOfATokenWhileTheRequestRunsAndNeverTheToken() throws Exception {
        Jwt token = Jwt.withTokenValue("header.payload.signature").header("alg", "RS256")
                .subject("user-7").claim("companyId", "company-3").claim("role", "AGENT")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/customers");
        request.addHeader("X-Request-Id", "req-42");
        Map<String, String> during = new HashMap<>();

        new CallerLogContext().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> during.putAll(MDC.getCopyOfContextMap()));

        assertThat(during).containsExactlyInAnyOrderEntriesOf(
                Map.of("requestId", "req-42", "companyId", "company-3", "userId", "user-7"));
        assertThat(MDC.getCopyOfContextMap()).as("after the request").isNullOrEmpty();
    }

    @Test
    void shouldDropARequestIdThatCouldForgeALogLineAndAddNoCallerWithoutAToken() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/customers");
        request.addHeader("X-Request-Id", "req-1\n2026-01-01 INFO forged");
        Map<String, String> during = new HashMap<>();

        new CallerLogContext().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            if (context != null) {
                during.putAll(context);
            }
        });

        assertThat(during).isEmpty();
    }
}
