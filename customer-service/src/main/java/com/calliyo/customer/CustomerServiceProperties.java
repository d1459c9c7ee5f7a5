package com.calliyo.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code customer.*}: how often a failing lead, order or company event is retried before it goes to the dead-letter
 * topic. The company a request acts for comes from its access token ({@code CallerResolver} of token-check);
 * token settings are {@code calliyo.token-check.*}.
 */
@ConfigurationProperties("customer")
public record CustomerServiceProperties(@DefaultValue Listener listener) {

    public record Listener(
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("2") long maxRetries) {
    }
}
