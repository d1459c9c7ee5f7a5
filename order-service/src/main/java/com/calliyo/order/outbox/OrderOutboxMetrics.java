package com.calliyo.order.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;

/**
 * The order relay's meters, under the names lead-service's relay uses, tagged {@code stream=order}, so one dashboard
 * query and one alert cover every outbox: the backlog ({@value #PENDING}, {@value #OLDEST_AGE}) as seen by the relay's
 * own sweep (never measured on a scrape: the embedded store scans), the age worked out at scrape time so a stuck relay
 * shows a growing age; {@value #PUBLISH} from an event's write to the broker's ack; {@value #FAILURES} for sends the
 * broker did not acknowledge.
 */
final class OrderOutboxMetrics {

    static final String PENDING = "calliyo.outbox.pending";
    static final String OLDEST_AGE = "calliyo.outbox.oldest.age";
    static final String PUBLISH = "calliyo.outbox.publish";
    static final String FAILURES = "calliyo.outbox.publish.failures";
    private static final String STREAM = "order";

    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final Timer publish;
    private final Counter failures;
    private long sweptEvents;
    private Date sweptOldest;

    OrderOutboxMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Gauge.builder(PENDING, pending, AtomicLong::get).tag("stream", STREAM)
                .description("Events waiting in the outbox, as of the relay's last sweep").register(meters);
        Gauge.builder(OLDEST_AGE, this, OrderOutboxMetrics::oldestAgeSeconds).tag("stream", STREAM)
                .baseUnit("seconds").description("Age of the oldest event waiting in the outbox (0 when none)")
                .register(meters);
        publish = Timer.builder(PUBLISH).tag("stream", STREAM)
                .description("Time from an event's write to the broker's acknowledgement").register(meters);
        failures = Counter.builder(FAILURES).tag("stream", STREAM)
                .description("Sends the broker did not acknowledge; the event stays pending").register(meters);
    }

    /** One order found by the sweep, with its waiting events (their {@code occurredAt} at least). */
    void swept(List<Document> waiting) {
        for (Document event : waiting) {
            sweptEvents++;
            Date at = event.getDate("occurredAt");
            sweptOldest = at != null && (sweptOldest == null || at.before(sweptOldest)) ? at : sweptOldest;
        }
    }

    /** The sweep is over: what it saw becomes the backlog the gauges show. */
    void sweepDone() {
        pending.set(sweptEvents);
        oldest.set(sweptOldest == null ? null : sweptOldest.toInstant());
        sweptEvents = 0;
        sweptOldest = null;
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
