package com.calliyo.lead.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the outbox relay (which can be switched off, e.g. for a maintenance instance): how often it looks at its
 * queue of freshly written documents when nobody wakes it, how often it searches the collection for pending events
 * anyway (documents left by a crash, another instance or a broker outage), how long a claim on a document lasts
 * (another instance may take it over after that), how long it waits for the broker's acknowledgement, how many
 * documents it claims per batch and how many fresh ids it queues before falling back to a search.
 */
@ConfigurationProperties("lead.outbox")
public record OutboxProperties(Boolean relayEnabled, Duration pollInterval, Duration sweepInterval,
                               Duration leaseDuration, Duration sendTimeout, int batchSize, int maxHints) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(30) : leaseDuration;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        maxHints = maxHints <= 0 ? 200_000 : maxHints;
    }
}
