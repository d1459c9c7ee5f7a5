package com.calliyo.order.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.outbox.*}: whether this instance relays order events at all, how often it looks for orders whose
 * events are still waiting (after a broker outage or a crash) and how long it waits for the broker's ack.
 */
@ConfigurationProperties("order.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("10s") Duration sendTimeout) {
}
