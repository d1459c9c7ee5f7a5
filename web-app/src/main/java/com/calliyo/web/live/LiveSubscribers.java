package com.calliyo.web.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.calliyo.lead.events.SessionEnded;
import com.calliyo.web.auth.Viewer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages of this instance, by company. The feed marks changes on the pages that may notice them; a single
 * ticker ({@link LiveConfiguration}) sends what is due. Each instance serves its own streams and follows every event itself, so any number of
 * instances work behind the gateway without sticky sessions.
 */
public class LiveSubscribers {

    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final Map<String, Set<LiveSubscriber>> byCompany = new ConcurrentHashMap<>();
    private final LiveProperties properties;
    private final Clock clock;

    LiveSubscribers(LiveProperties properties, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("calliyo.web.live.streams", byCompany, streams -> streams.values().stream()
                .mapToInt(Set::size).sum()).description("Pages open with live updates").register(meters);
    }

    /**
     * Opens a stream for the viewer's page. It ends a little before the access token expires: the browser
     * reconnects with its cookies, which renews the token, and catches up by refreshing the page's parts.
     */
    SseEmitter open(Viewer viewer, String sessionId, Instant tokenExpiresAt) {
        Instant now = clock.instant();
        Instant closeAt = tokenExpiresAt.minus(Duration.ofSeconds(30));
        if (closeAt.isBefore(now.plus(properties.tick()))) {
            closeAt = now.plus(Duration.ofSeconds(5)); // a token renewed just now cannot be this short; be safe
        }
        SseEmitter emitter = new SseEmitter(Duration.between(now, closeAt).plusSeconds(5).toMillis());
        LiveSubscriber subscriber = new LiveSubscriber(emitter, viewer.companyId(), viewer.id(), sessionId,
                viewer.isAgent(), closeAt, now);
        Set<LiveSubscriber> company = byCompany.computeIfAbsent(viewer.companyId(),
                id -> ConcurrentHashMap.newKeySet());
        company.add(subscriber);
        Runnable forget = () -> forget(subscriber);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        try {
            // Sent at once, so the browser knows the stream is open; a closed stream is retried a second later.
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("connected"));
        } catch (IOException e) {
            forget.run();
        }
        return emitter;
    }

    boolean anyOpen() {
        return !byCompany.isEmpty();
    }

    void publish(SuiteChange change) {
        Set<LiveSubscriber> company = byCompany.get(change.companyId());
        if (company != null) {
            Instant now = clock.instant();
            company.forEach(subscriber -> subscriber.notice(change, now));
        }
    }

    void end(SessionEnded ended) {
        Set<LiveSubscriber> company = byCompany.get(ended.companyId());
        if (company != null) {
            company.stream()
                    .filter(subscriber -> subscriber.sameSession(ended.companyId(), ended.userId(), ended.sessionId()))
                    .toList()
                    .forEach(subscriber -> {
                        subscriber.endSession();
                        forget(subscriber);
                    });
        }
    }

    void flush() {
        Instant now = clock.instant();
        byCompany.values().forEach(company -> company.stream()
                .filter(subscriber -> !subscriber.flush(now, properties.heartbeat()))
                .toList()
                .forEach(this::forget));
    }

    private void forget(LiveSubscriber subscriber) {
        byCompany.computeIfPresent(subscriber.companyId(), (id, company) -> {
            company.remove(subscriber);
            return company.isEmpty() ? null : company;
        });
    }

    /** Shutting down: every page reconnects, to another instance if there is one. */
    void closeAll() {
        byCompany.values().forEach(company -> company.forEach(subscriber -> subscriber.emitter().complete()));
    }
}
