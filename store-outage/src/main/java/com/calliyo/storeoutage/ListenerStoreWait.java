package com.calliyo.storeoutage;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that failed because the store is unreachable is not a bad record: it is tried again, with pauses growing
 * to {@code calliyo.store.listener-max-back-off}, for as long as the outage lasts, and never dead-lettered. The
 * partition waits (its offset is not committed) and goes on by itself when the store answers again. Any other
 * failure keeps the handler's own bounded retries and dead-letter topic.
 */
public final class ListenerStoreWait {

    private static final long FIRST_PAUSE_MILLIS = 200;

    private final StoreOutageProperties properties;

    ListenerStoreWait(StoreOutageProperties properties) {
        this.properties = properties;
    }

    public DefaultErrorHandler applyTo(DefaultErrorHandler handler) {
        handler.setBackOffFunction((record, failure) -> StoreOutages.isOutage(failure) ? whileDown() : null);
        return handler;
    }

    private BackOff whileDown() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_PAUSE_MILLIS, 2.0);
        backOff.setMaxInterval(Math.max(FIRST_PAUSE_MILLIS, properties.listenerMaxBackOff().toMillis()));
        return backOff;
    }
}
