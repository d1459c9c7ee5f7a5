package com.calliyo.lead.outbox;

import java.util.Date;

import com.calliyo.lead.events.EventTraceContext;
import com.calliyo.lead.shared.OutboxEntry;
import org.bson.Document;

/**
 * The stored shape of one pending event in a document's {@code pendingEvents}, as {@link OutboxPublisher} reads it;
 * with the trace context of the request that wrote it, when there is one ({@link EventTraceContext#current()}).
 */
public final class OutboxDocuments {

    private OutboxDocuments() {
    }

    public static Document of(OutboxEntry event) {
        Document stored = new Document("id", event.id())
                .append("type", event.type())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("payload", event.payload());
        String traceparent = EventTraceContext.current();
        if (traceparent != null) {
            stored.append(EventTraceContext.TRACEPARENT, traceparent);
        }
        return stored;
    }
}
