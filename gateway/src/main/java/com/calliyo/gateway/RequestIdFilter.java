package com.calliyo.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, if it looks sane, else a new UUID), passes it
 * downstream and back to the caller, and logs one access line with it (health probes excepted). A web filter ahead
 * of the security chain, so requests refused before routing (401, 429, 413) are logged and answered with their id
 * too. Also records the client's URL for the fallback's problem {@code instance}.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";

    // Callers' ids end up in logs and downstream headers: short, and no characters that could forge a log line.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        ServerHttpRequest request = exchange.getRequest();
        String requestId = requestIdOf(request);
        // Only path-rewriting filters record this, and the routes have none; the fallback names the client's path.
        ServerWebExchangeUtils.addOriginalRequestUrl(exchange, request.getURI());
        ServerHttpResponse response = exchange.getResponse();
        // Set at commit time: a circuit-breaker fallback resets the headers copied from a failed downstream call.
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerHttpRequest withId = request.mutate().headers(headers -> headers.set(HEADER, requestId)).build();
        return chain.filter(exchange.mutate().request(withId).build())
                .doFinally(signal -> {
                    if (request.getPath().value().startsWith("/actuator/")) {
                        return;
                    }
                    HttpStatusCode status = response.getStatusCode();
                    log.info("{} {} {} {}ms requestId={}", request.getMethod(), request.getPath().value(),
                            status == null ? "-" : status.value(), (System.nanoTime() - start) / 1_000_000,
                            requestId);
                });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String requestIdOf(ServerHttpRequest request) {
        String incoming = request.getHeaders().getFirst(HEADER);
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
