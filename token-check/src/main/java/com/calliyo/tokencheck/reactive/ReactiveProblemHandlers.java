package com.calliyo.tokencheck.reactive;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 400 (firewall), 401 and 403 from a reactive server's security filters, as problem+json like every other error of
 * the suite.
 */
public final class ReactiveProblemHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean badToken = ex instanceof InvalidBearerTokenException;
        // The token's own error text stays in the gateway: it would tell a forger which check failed.
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return ReactiveProblems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", badToken
                ? "The access token is invalid or expired; sign in again"
                : "An access token is required: send Authorization: Bearer <access token>");
    }

    /** The firewall refused the request (an encoded slash, a NUL, "..", a bad header) before any filter ran. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return ReactiveProblems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
                "The request's path or headers are not allowed here");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ReactiveProblems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden", "You may not do this");
    }
}
