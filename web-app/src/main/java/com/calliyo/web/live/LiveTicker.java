package com.calliyo.web.live;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the open pages' due signals every tick, on one thread of its own. It stops before the web server's graceful
 * shutdown (a higher phase stops first) and ends every stream then: an open stream is a request in progress, which
 * the graceful shutdown would otherwise wait for until its time runs out.
 */
final class LiveTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveTicker.class);

    private final LiveSubscribers subscribers;
    private final Duration tick;
    private ScheduledExecutorService executor;

    LiveTicker(LiveSubscribers subscribers, Duration tick) {
        this.subscribers = subscribers;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-updates");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::flushSafely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flushSafely() {
        try {
            subscribers.flush();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: one bad stream must not stop every page's updates.
            log.warn("Live updates tick failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        subscribers.closeAll();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
