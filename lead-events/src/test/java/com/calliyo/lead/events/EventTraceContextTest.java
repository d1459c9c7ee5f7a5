package com.calliyo.lead.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EventTraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void shouldReadTheTraceparentOfTheCurrentSpanAndNothingOutsideOne() {
        assertThat(EventTraceContext.current()).isNull();

        SpanContext context = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            assertThat(EventTraceContext.current()).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
        }
        assertThat(EventTraceContext.current()).isNull();
    }

    @Test
    void shouldCarryTheTraceparentAsExtensionAndHeaderOnlyWhenThereIsOne() {
        String traceparent = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

        assertThat(EventTraceContext.withTraceParent(event(), traceparent).build().getExtension("traceparent"))
                .isEqualTo(traceparent);
        assertThat(EventTraceContext.withTraceParent(event(), null).build().getExtensionNames())
                .doesNotContain("traceparent");
        ProducerRecord<String, byte[]> traced =
                EventTraceContext.withTraceParent(new ProducerRecord<>("topic", "k", new byte[0]), traceparent);
        assertThat(new String(traced.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
        ProducerRecord<String, byte[]> untraced =
                EventTraceContext.withTraceParent(new ProducerRecord<>("topic", "k", new byte[0]), null);
        assertThat(untraced.headers().lastHeader("traceparent")).isNull();
    }

    private static CloudEventBuilder event() {
        return CloudEventBuilder.v1().withId("e1").withType("t").withSource(URI.create("/test"));
    }
}
