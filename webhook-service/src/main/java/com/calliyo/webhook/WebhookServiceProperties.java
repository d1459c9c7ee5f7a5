package com.calliyo.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code webhook.*}: listener retries before the dead-letter topic, which targets are allowed, and how deliveries
 * are timed. The company a request acts for comes from its access token ({@code calliyo.token-check.*}).
 */
@ConfigurationProperties("webhook")
public record WebhookServiceProperties(
        @DefaultValue Listener listener,
        @DefaultValue Targets targets,
        @DefaultValue Delivery delivery) {

    public record Listener(
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("2") long maxRetries) {
    }

    /** {@code allowInsecure}: the development allowance for http and loopback/private receivers (tests only). */
    public record Targets(@DefaultValue("false") boolean allowInsecure) {
    }

    /**
     * @param retrySchedule  the waits after the 1st, 2nd, ... failed attempt; the last one repeats
     * @param jitter         each wait is stretched or shrunk by up to this share, at random
     * @param maxRetryAfter  a receiver's {@code Retry-After} is honoured up to this
     * @param disableAfter   a subscription failing for this long is disabled
     * @param timeout        the whole attempt: connect, send, and the answer's first bytes
     * @param responseBytes  how much of an answer is read and kept in the log
     * @param pollInterval   how often due deliveries are looked for
     * @param lease          how long a claimed delivery is not handed out again (a crashed attempt is retried after)
     * @param workers        endpoints drained at once (one drain per endpoint at a time)
     * @param perEndpoint    attempts in flight at once per endpoint, each for a different lead
     * @param keepFor        how long deliveries and attempts stay in the log
     * @param rotationOverlap how long the previous secret still signs after a rotation
     */
    public record Delivery(
            @DefaultValue({"5s", "30s", "2m", "10m", "1h", "3h", "6h"}) List<Duration> retrySchedule,
            @DefaultValue("0.2") double jitter,
            @DefaultValue("6h") Duration maxRetryAfter,
            @DefaultValue("3d") Duration disableAfter,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("4096") int responseBytes,
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("16") int workers,
            @DefaultValue("8") int perEndpoint,
            @DefaultValue("30d") Duration keepFor,
            @DefaultValue("24h") Duration rotationOverlap) {
    }
}
