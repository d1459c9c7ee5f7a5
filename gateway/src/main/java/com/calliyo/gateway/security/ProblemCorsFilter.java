package com.calliyo.gateway.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.calliyo.tokencheck.reactive.ReactiveProblems;

/**
 * The gateway's CORS check, Spring's own processor, with one difference from Spring Security's filter: a refused
 * origin (not one of the apps', or not an origin at all) is answered 403 problem+json like every other refusal, where
 * Spring leaves the body empty. An accepted preflight ends here with Spring's headers; other requests go on.
 */
final class ProblemCorsFilter implements WebFilter {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    ProblemCorsFilter(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        boolean preflight = CorsUtils.isPreFlightRequest(exchange.getRequest());
        if (!processor.process(config, exchange)) {
            return ReactiveProblems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden", preflight
                    ? "This origin may not call this path with that method or those headers from a browser"
                    : "Requests from this origin (the Origin header) are not allowed on this path");
        }
        return preflight ? Mono.empty() : chain.filter(exchange);
    }
}
