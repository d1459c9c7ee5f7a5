package com.calliyo.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.*}: how often a failing lead event is retried before it goes to the dead-letter topic. The company
 * a request acts for comes from its access token ({@code CallerResolver} of token-check); token settings are
 * {@code calliyo.token-check.*}.
 */
@ConfigurationProperties("order")
public record OrderServiceProperties(@DefaultValue Listener listener) {

    public record Listener(
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("2") long maxRetries) {
    }
}
