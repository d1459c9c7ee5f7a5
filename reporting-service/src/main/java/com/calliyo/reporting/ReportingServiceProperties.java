package com.calliyo.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.*}: the one company every request acts for until sign-in lands (issue 3), and how often a
 * failing lead event is retried before it goes to the dead-letter topic.
 */
@ConfigurationProperties("reporting")
public record ReportingServiceProperties(
        @DefaultValue("demo-company") String defaultCompanyId,
        @DefaultValue Listener listener) {

    public record Listener(
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("2") long maxRetries) {
    }
}
