package com.calliyo.gateway.security;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class PathFirewallTest {

    final PathFirewall firewall = new PathFirewall();

    @ParameterizedTest
    @ValueSource(strings = {"/api/leads/%C0%AE%C0%AE", "/api/leads/%FF", "/api/leads/%E2%82", "/api/leads/%4",
            "/api/leads/%zz"})
    void shouldRefusePathsThatAreNotUtf8(String path) {
        assertThat(PathFirewall.decodesAsUtf8(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/leads", "/api/leads/abc-123", "/api/customers/%E0%A4%B0%E0%A4%B5%E0%A4%BF"})
    void shouldLetValidPathsThrough(String path) {
        assertThat(PathFirewall.decodesAsUtf8(path)).isTrue();
    }

    @Test
    void shouldRejectTheExchangeForAnOverlongDotAndForAnEncodedSlash() {
        for (String path : new String[] {"/api/leads/%C0%AE%C0%AE", "/api/leads/..%2f..%2fapi"}) {
            MockServerWebExchange exchange = MockServerWebExchange.from(
                    MockServerHttpRequest.method(HttpMethod.GET, URI.create(path)).build());
            StepVerifier.create(firewall.getFirewalledExchange(exchange))
                    .expectError(ServerExchangeRejectedException.class)
                    .verify();
        }
    }
}
