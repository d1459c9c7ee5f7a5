package com.calliyo.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code customer.*}: the one company every request acts for until sign-in lands, and how often a failing lead
 * event is retried before it goes to the dead-letter topic.
 */
@ConfigurationProperties("customer")
public record CustomerServiceProperties(
        @DefaultValue("demo-company") String defaultCompanyId,
        @DefaultValue Listener listener) {

    public record Listener(
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("2") long maxRetries) {
    }
}
