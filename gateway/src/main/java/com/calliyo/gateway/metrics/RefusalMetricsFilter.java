package com.calliyo.gateway.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the requests the gateway itself refuses ({@value #METRIC}, tagged {@code status} and {@code reason}): a
 * 401 without or with a bad token, a 403, a 429 from the rate limit and a 413 from the body limit. Those are answered
 * by the security chain and the limit filters before routing, so a response without a downstream reply is the
 * gateway's own refusal; a service's 403 passed through is not counted here (it is in {@code http.server.requests}).
 * A web filter ahead of the security chain sees every one of them at commit time.
 */
@Component
class RefusalMetricsFilter implements WebFilter, Ordered {

    static final String METRIC = "calliyo.gateway.refused";

    private final MeterRegistry meters;

    RefusalMetricsFilter(MeterRegistry meters) {
        this.meters = meters;
        // Registered up front so dashboards and alerts see zeros, not missing series, before the first refusal.
        for (Reason reason : Reason.values()) {
            counter(reason);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            Reason reason = reasonOf(exchange, response.getStatusCode());
            if (reason != null) {
                counter(reason).increment();
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static Reason reasonOf(ServerWebExchange exchange, HttpStatusCode status) {
        if (status == null || exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null) {
            return null; // a downstream service answered: not the gateway's refusal
        }
        return switch (status.value()) {
            case 401 -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    ? Reason.BAD_TOKEN : Reason.NO_TOKEN;
            case 403 -> Reason.FORBIDDEN;
            case 413 -> Reason.BODY_TOO_LARGE;
            case 429 -> Reason.RATE_LIMITED;
            default -> null;
        };
    }

    private Counter counter(Reason reason) {
        return Counter.builder(METRIC)
                .description("Requests the gateway refused before routing them")
                .tag("status", String.valueOf(reason.status))
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }

    private enum Reason {
        NO_TOKEN(401), BAD_TOKEN(401), FORBIDDEN(403), BODY_TOO_LARGE(413), RATE_LIMITED(429);

        private final int status;

        Reason(int status) {
            this.status = status;
        }
    }
}
