package com.calliyo.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.*}: how often a failing lead event is retried before it goes to the dead-letter topic, and how
 * companies' facts are kept in memory between reports ({@code FactSnapshots}). The company
 * a request acts for comes from its access token ({@code CallerResolver} of token-check);
 * token settings are {@code calliyo.token-check.*}.
 */
@ConfigurationProperties("reporting")
public record ReportingServiceProperties(@DefaultValue Listener listener, @DefaultValue Snapshots snapshots) {

    public record Listener(
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("2") long maxRetries) {
    }

    /**
     * {@code maxAge}: a kept snapshot is read whole again after this; {@code longestWrite}: a fact write begun this
     * long ago and never ended is counted as ended (its writer is gone); {@code maxFacts}: all kept snapshots hold at
     * most this many lead, order and call facts (about 0.3 KB of heap each).
     */
    public record Snapshots(
            @DefaultValue("10m") Duration maxAge,
            @DefaultValue("5m") Duration longestWrite,
            @DefaultValue("300000") long maxFacts) {
    }
}
