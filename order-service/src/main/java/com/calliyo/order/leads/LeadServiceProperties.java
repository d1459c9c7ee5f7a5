package com.calliyo.order.leads;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.lead-service.*}: where lead-service answers {@code GET /api/leads/{id}} for leads the directory has
 * not seen yet ({@code lb://lead-service}: every instance listed for Spring Cloud LoadBalancer; an
 * {@code http(s)://} URL: that one instance), and the socket time-outs of each attempt. The retry, circuit breaker
 * and time limiter around it are Resilience4j's instance {@code lead-service}
 * ({@code resilience4j.*.instances.lead-service}).
 */
@ConfigurationProperties("order.lead-service")
public record LeadServiceProperties(
        @DefaultValue("lb://lead-service") URI url,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("8") int maxConcurrentCalls) {
}
