package com.calliyo.lead.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the outbox relay (which can be switched off, e.g. for a maintenance instance): how often it sweeps when nobody wakes it, how long a claim on a lead lasts (another
 * instance may take the lead over after that), and how long it waits for the broker's acknowledgement.
 */
@ConfigurationProperties("lead.outbox")
public record OutboxProperties(Boolean relayEnabled, Duration pollInterval, Duration leaseDuration, Duration sendTimeout, int batchSize) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(30) : leaseDuration;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        batchSize = batchSize <= 0 ? 100 : batchSize;
    }
}
