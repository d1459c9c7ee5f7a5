package com.calliyo.lead.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;

/**
 * The relay's meters for one {@link OutboxStream}, tagged {@code stream}:
 * <ul>
 * <li>{@value #PENDING} and {@value #OLDEST_AGE}: the backlog as last measured. Counting pending events reads every
 * document that has some (through the sparse index on {@code pendingEvents.0}, {@link OutboxPublisher#PENDING_INDEX};
 * it was a scan of the whole collection on the embedded store before, ADR 0001), so it is measured once per sweep
 * interval, never on a scrape; the age is computed at scrape time from the oldest event's time, so a stuck relay
 * shows a growing age.</li>
 * <li>{@value #PUBLISH}: from an event's write to the broker's acknowledgement, per event.</li>
 * <li>{@value #FAILURES}: sends the broker did not acknowledge (the event stays pending and is retried).</li>
 * </ul>
 */
final class OutboxMetrics {

    static final String PENDING = "calliyo.outbox.pending";
    static final String OLDEST_AGE = "calliyo.outbox.oldest.age";
    static final String PUBLISH = "calliyo.outbox.publish";
    static final String FAILURES = "calliyo.outbox.publish.failures";

    private static final String PENDING_FIELD = "pendingEvents";
    private static final int MEASURING_SHARE_DIVISOR = 10;

    private final Clock clock;
    private final Duration interval;
    private Instant nextMeasure = Instant.MIN;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final Timer publish;
    private final Counter failures;

    OutboxMetrics(MeterRegistry meters, OutboxStream stream, Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
        String name = stream.name();
        Gauge.builder(PENDING, pending, AtomicLong::get).tag("stream", name)
                .description("Events waiting in the outbox, as of the relay's last sweep").register(meters);
        Gauge.builder(OLDEST_AGE, this, OutboxMetrics::oldestAgeSeconds).tag("stream", name).baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox (0 when none)").register(meters);
        publish = Timer.builder(PUBLISH).tag("stream", name)
                .description("Time from an event's write to the broker's acknowledgement").register(meters);
        failures = Counter.builder(FAILURES).tag("stream", name)
                .description("Sends the broker did not acknowledge; the event stays pending").register(meters);
    }

    /**
     * Measures the backlog when the last measurement is a sweep interval old: one search on {@code pendingEvents.0},
     * as the relay's sweep, reading only the pending events' times. Runs on the relay's thread, between batches, so
     * a long measurement (a bulk import's 100k pending documents take seconds to read) spaces out the next one
     * ({@link #nextMeasure}): measuring every interval then left the bulk lane draining 20 events a second.
     */
    void measureIfDue(MongoCollection<Document> documents) {
        Instant now = clock.instant();
        if (now.isBefore(nextMeasure)) {
            return;
        }
        nextMeasure = now.plus(interval); // also when the search fails: no retry in a loop
        long events = 0;
        Date first = null;
        for (Document doc : documents.find(Filters.exists(PENDING_FIELD + ".0"))
                .projection(Projections.include(PENDING_FIELD + ".occurredAt"))) {
            for (Document event : doc.getList(PENDING_FIELD, Document.class, List.of())) {
                events++;
                Date at = event.getDate("occurredAt");
                first = at != null && (first == null || at.before(first)) ? at : first;
            }
        }
        pending.set(events);
        oldest.set(first == null ? null : first.toInstant());
        nextMeasure = nextMeasure(now, Duration.between(now, clock.instant()), interval);
    }

    /** At least an interval apart, and measuring at most a tenth of the relay thread's time. */
    static Instant nextMeasure(Instant started, Duration took, Duration interval) {
        Duration spaced = took.multipliedBy(MEASURING_SHARE_DIVISOR);
        return started.plus(spaced.compareTo(interval) > 0 ? spaced : interval);
    }

    void acknowledged(Document event) {
        Date occurredAt = event.getDate("occurredAt");
        if (occurredAt != null) {
            Duration delay = Duration.between(occurredAt.toInstant(), clock.instant());
            publish.record(delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    void failed() {
        failures.increment();
    }

    private double oldestAgeSeconds() {
        Instant at = oldest.get();
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }
}
