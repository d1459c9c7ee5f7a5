package com.calliyo.storeoutage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for its MongoDB before it says so ({@code calliyo.store.*}).
 *
 * @param serverSelectionTimeout how long the driver looks for a reachable server before an operation fails; short,
 *                               so that a request is answered 503 well inside the gateway's time limit (10 s)
 * @param connectTimeout         opening a connection
 * @param readTimeout            waiting for one answer on an open connection; long enough for the biggest report
 *                               or import batch, short enough that a server that stopped answering is noticed
 * @param retryAfter             the {@code Retry-After} of a 503 while the store is unreachable
 * @param listenerMaxBackOff     the longest pause between two tries of a Kafka record while the store is unreachable
 */
@ConfigurationProperties("calliyo.store")
public record StoreOutageProperties(
        @DefaultValue("2s") Duration serverSelectionTimeout,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("5s") Duration listenerMaxBackOff) {
}
