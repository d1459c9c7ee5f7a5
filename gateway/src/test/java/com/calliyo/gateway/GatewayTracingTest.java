package com.calliyo.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway hands the trace on: a routed request reaches the service with a {@code traceparent} of the caller's
 * trace whose parent is the gateway's own span (not the caller's), or of a new trace when the caller sent none.
 */
class GatewayTracingTest extends StubbedGateway {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    private final StubService leads = SERVICES.get("lead-service");

    @Test
    void shouldContinueTheCallersTraceWithTheGatewaysSpanAsTheServicesParent() {
        client.get().uri("/api/leads").header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .exchange().expectStatus().isOk();

        String forwarded = leads.received().get(0).traceparent();
        assertThat(forwarded).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .doesNotContain(CALLER_SPAN_ID);
    }

    @Test
    void shouldStartATraceWhenTheCallerSentNone() {
        client.get().uri("/api/leads").exchange().expectStatus().isOk();

        assertThat(leads.received().get(0).traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .doesNotContain(TRACE_ID);
    }
}
