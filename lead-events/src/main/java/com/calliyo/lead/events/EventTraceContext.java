package com.calliyo.lead.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * How a suite event carries the W3C trace context of the request that caused it: as the CloudEvents distributed
 * tracing extension {@code traceparent} (header {@code ce_traceparent} in binary mode) and as a plain
 * {@code traceparent} header, the one Kafka tracing instrumentation (Spring Kafka's listener observation) reads to
 * continue the trace on the consumer side. Both producers (lead-service's and order-service's outbox relays) write it
 * from the value stored with the event when it was written, so the trace survives the outbox's asynchronous hop.
 */
public final class EventTraceContext {

    /** The extension attribute and the Kafka header name. */
    public static final String TRACEPARENT = "traceparent";

    private EventTraceContext() {
    }

    /**
     * The {@code traceparent} of the span current on this thread (the request's, through Micrometer Tracing's
     * OpenTelemetry bridge), to store with an outbox event as it is written: the relay publishes it later, on its own
     * thread, where that span is long gone. Null outside any trace (a test without tracing, a background job).
     */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Adds the extension to the event about to be built; nothing when the event was written outside any trace. */
    public static CloudEventBuilder withTraceParent(CloudEventBuilder event, String traceparent) {
        return traceparent == null ? event : event.withExtension(TRACEPARENT, traceparent);
    }

    /** Adds the plain header to the record built from that event; nothing without a trace context. */
    public static <K, V> ProducerRecord<K, V> withTraceParent(ProducerRecord<K, V> record, String traceparent) {
        if (traceparent != null) {
            record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
