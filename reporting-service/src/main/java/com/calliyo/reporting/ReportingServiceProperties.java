package com.calliyo.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.*}: how often a failing lead event is retried before it goes to the dead-letter topic. The company
 * a request acts for comes from its access token ({@code CallerResolver} of token-check);
 * token settings are {@code calliyo.token-check.*}.
 */
@ConfigurationProperties("reporting")
public record ReportingServiceProperties(@DefaultValue Listener listener) {

    public record Listener(
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("2") long maxRetries) {
    }
}
