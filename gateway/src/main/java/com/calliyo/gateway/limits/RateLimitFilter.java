package com.calliyo.gateway.limits;

import java.net.InetSocketAddress;

import com.calliyo.tokencheck.reactive.ReactiveProblems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * 429 problem+json with {@code Retry-After} once a caller has used up its bucket: per webhook key for inbound
 * webhooks, per user (or API key) for signed-in calls, per client IP for the other public calls. Runs on routed
 * requests after the token check, so a rejected token never costs a legitimate user's budget. The buckets are
 * in a {@link RateLimitStore}: this gateway's memory, or Redis shared by every instance.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    /** After RequestIdFilter's id is set, before the route's circuit breaker. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final PathPattern WEBHOOK = PathPatternParser.defaultInstance.parse("/api/webhooks/leads/{keyId}");

    private final RateLimitProperties properties;
    private final RateLimitStore buckets;

    RateLimitFilter(RateLimitProperties properties, RateLimitStore buckets) {
        this.properties = properties;
        this.buckets = buckets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return callerOf(exchange).flatMap(caller -> buckets.tryConsume(caller.key(), caller.limit())
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange) : refuse(exchange, caller, decision)));
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, Caller caller, RateLimitDecision decision) {
        long seconds = decision.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ReactiveProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "Rate limit reached for this " + caller.kind() + "; retry in " + seconds + " s");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private Mono<Caller> callerOf(ServerWebExchange exchange) {
        PathPattern.PathMatchInfo webhook =
                WEBHOOK.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        if (webhook != null) {
            return Mono.just(new Caller("webhook:" + webhook.getUriVariables().get("keyId"), "webhook key",
                    properties.webhookKey()));
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(user -> new Caller("user:" + user.getName(), "user", properties.user()))
                .defaultIfEmpty(new Caller("ip:" + clientIp(exchange), "client address", properties.anonymous()));
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }

    private record Caller(String key, String kind, RateLimitProperties.Limit limit) {
    }
}
