package com.calliyo.order.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code order.outbox.*}: whether this instance relays order events at all, how often it looks for orders whose
 * events are still waiting (after a broker outage or a crash), how long it waits for the broker's ack, and how long
 * its lease on an order lasts (longer than sending an order's events takes; a crashed instance's orders wait that
 * long before another instance publishes them).
 */
@ConfigurationProperties("order.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("30s") Duration leaseDuration) {
}
