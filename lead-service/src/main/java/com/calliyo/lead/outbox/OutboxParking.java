package com.calliyo.lead.outbox;

import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an event goes that can never be sent (see {@link SendFailures}): out of the document's
 * {@code pendingEvents}, so the events behind it are published, into its {@code parkedEvents}, kept whole with the
 * reason and the time so an operator can see what was lost and re-send it by hand once the cause is fixed (e.g. the
 * topic's limit raised). Each parked event is counted ({@value #METRIC}, tagged by stream and type) and logged once.
 */
final class OutboxParking {

    static final String PARKED = "parkedEvents";
    static final String METRIC = "calliyo.outbox.parked";

    private static final Logger log = LoggerFactory.getLogger(OutboxParking.class);

    private final MeterRegistry meters;
    private final OutboxStream stream;

    OutboxParking(MeterRegistry meters, OutboxStream stream) {
        this.meters = meters;
        this.stream = stream;
    }

    /** The pending event as it is kept in {@code parkedEvents}. */
    static Document parked(Document pending, Throwable failure, Date at) {
        return new Document(pending).append("reason", SendFailures.reason(failure)).append("parkedAt", at);
    }

    /** Counts and logs events that the document's write has just moved to {@code parkedEvents}. */
    void recorded(Object documentId, List<Document> parked) {
        for (Document event : parked) {
            String type = event.getString("type");
            Counter.builder(METRIC)
                    .description("Outbox events that can never be sent, moved out of the way of the later ones")
                    .tag("stream", stream.name())
                    .tag("type", type == null ? "unknown" : type)
                    .register(meters)
                    .increment();
            log.warn("Parked event {} ({}) of {} {}: it can never be sent ({}); the events behind it go on",
                    event.getString("id"), type, stream.name(), documentId, event.getString("reason"));
        }
    }
}
