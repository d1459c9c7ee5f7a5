package com.calliyo.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.calliyo.tokencheck.reactive.ReactiveProblems;

/**
 * Refuses a path and query longer than {@code gateway.max-uri-length} (default 4096 characters, as sent) with 414
 * problem+json. Netty's own limit on the request line ({@code server.netty.max-initial-line-length}) is set far above
 * it, because Netty answers with an empty body; below it, the services' 8 KB limit on the request line and headers
 * is never reached by what the gateway forwards.
 */
@Component
class UriLengthLimit implements WebFilter, Ordered {

    private final int maxLength;

    UriLengthLimit(@Value("${gateway.max-uri-length:4096}") int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int length = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
        if (length > maxLength) {
            return ReactiveProblems.write(exchange, HttpStatus.URI_TOO_LONG, "URI too long",
                    "The path and query are " + length + " characters; at most " + maxLength + " are accepted");
        }
        return chain.filter(exchange);
    }

    /** After {@link RequestIdFilter}, so the refusal has a request id and an access-log line. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
