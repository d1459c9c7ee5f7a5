package com.calliyo.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.calliyo.gateway.limits.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Target of every route's {@code CircuitBreaker} fallback: 504 when the time limit ran out, 503 for anything else
 * (connection refused, open circuit), both with {@code Retry-After}, 413 when a chunked body outgrew the body limit
 * on its way. Mapped for every HTTP method, because the forward keeps the original one. A browser asking web-app
 * for a page gets a plain page that says to try again, not JSON it would show as text.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final String WEB_APP = "web-app";
    /**
     * Told to the caller with a 503 or 504: a restarting service is usually back within seconds, and an open circuit
     * lets a trial call through after 10 s, so a client that waits this long and tries again is neither too early
     * nor kept waiting for long.
     */
    static final String RETRY_AFTER_SECONDS = "5";

    @RequestMapping("/fallback/{service:[a-z][a-z-]{0,40}}")
    ResponseEntity<?> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        BodyTooLargeException tooLarge = causeOfType(failure, BodyTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body may be at most " + tooLarge.limit().toBytes() + " bytes");
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        boolean timedOut = causedByTimeout(failure);
        ProblemDetail problem = timedOut
                ? problem(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout",
                        service + " did not answer in time; try again shortly")
                : problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        service + " is not answering; try again shortly");
        URI original = originalUri(exchange);
        if (original != null) {
            problem.setInstance(URI.create(original.getRawPath()));
        }
        log.warn("{} unavailable for {} {}: {} requestId={}", service, exchange.getRequest().getMethod(),
                original == null ? "-" : original.getRawPath(),
                failure == null ? "no cause" : failure.getClass().getSimpleName(),
                exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (WEB_APP.equals(service) && wantsPage(exchange)) {
            return answer.contentType(MediaType.TEXT_HTML).body(unavailablePage(timedOut));
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A browser asked for a page: it gets a page it can show (no scripts, no styles from elsewhere). */
    private static boolean wantsPage(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    private static String unavailablePage(boolean timedOut) {
        String what = timedOut ? "did not answer in time" : "is not answering right now";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Try again · Calliyo</title></head>
                <body><main><h1>Try again.</h1>
                <p role="alert">Calliyo %s. Nothing you sent was lost on our side if you saw no confirmation;
                go back and send it again in a moment.</p>
                <p><a href="/">Back to Calliyo</a></p></main></body></html>
                """.formatted(what);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static boolean causedByTimeout(Throwable failure) {
        return causeOfType(failure, TimeoutException.class) != null;
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    // The client's URL as the gateway recorded it before routing; the first entry is the incoming one.
    private static URI originalUri(ServerWebExchange exchange) {
        Set<URI> urls = exchange.getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return urls == null || urls.isEmpty() ? null : urls.iterator().next();
    }
}
