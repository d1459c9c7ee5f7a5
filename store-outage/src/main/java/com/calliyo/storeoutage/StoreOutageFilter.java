package com.calliyo.storeoutage;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 problem+json with {@code Retry-After} when a request failed because the store is unreachable, wherever
 * that happened: in a controller, or in a filter before it (an API-key lookup). Without it the failure would reach
 * the container and become a 500, which says "our bug" where "try again shortly" is the truth.
 */
final class StoreOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageFilter.class);

    private final long retryAfterSeconds;

    StoreOutageFilter(StoreOutageProperties properties) {
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!StoreOutages.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Store unreachable, answering 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem(request.getRequestURI()));
        }
    }

    private static String problem(String path) {
        return "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"The service's data store is not reachable; try again shortly\","
                + "\"instance\":\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
