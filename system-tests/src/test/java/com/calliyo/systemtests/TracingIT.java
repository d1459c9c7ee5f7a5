package com.calliyo.systemtests;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace follows a conversion from the gateway into lead-service, through its outbox (the context stored with the
 * event, sent as the {@code traceparent} header by the relay) and over Kafka into every consumer of
 * {@code crm.lead.events}. The spans are the ones the services exported by OTLP/HTTP to the suite's receiver.
 */
class TracingIT {

    private static final Set<String> CONSUMERS =
            Set.of("customer-service", "order-service", "reporting-service", "webhook-service");

    final Suite suite = Suite.shared();

    @Test
    void shouldCarryTheTraceOfAConversionFromTheGatewayThroughTheOutboxIntoEveryConsumer() {
        Assumptions.assumeTrue(suite.traces().isPresent(), "needs the stack the tests start (it exports to them)");
        OtlpReceiver traces = suite.traces().orElseThrow();
        Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
        String leadId = Scenario.captureLead(admin.gateway(), "tracing-" + UUID.randomUUID());
        // the caller's own context, as a browser's or an upstream proxy's would be: the gateway continues it
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);

        Gateway.Response converted = admin.gateway().send("PATCH", "/api/leads/" + leadId,
                "{\"status\":\"Customer\"}", Map.of("traceparent", "00-" + traceId + "-" + callerSpanId + "-01"));
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = traces.spansOf(traceId);
            assertThat(consumersIn(spans)).as("services with a consumer span in trace %s: %s", traceId, spans)
                    .containsAll(CONSUMERS);
            assertThat(spans).as("the gateway's and lead-service's server spans").anySatisfy(span -> {
                assertThat(span.service()).isEqualTo("gateway");
                assertThat(span.kind()).isEqualTo("SERVER");
            }).anySatisfy(span -> {
                assertThat(span.service()).isEqualTo("lead-service");
                assertThat(span.kind()).isEqualTo("SERVER");
            });
        });

        List<OtlpReceiver.ReceivedSpan> spans = traces.spansOf(traceId);
        print(spans);
        Map<String, OtlpReceiver.ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(OtlpReceiver.ReceivedSpan::spanId, span -> span, (a, b) -> a));
        OtlpReceiver.ReceivedSpan gateway = spans.stream()
                .filter(span -> span.service().equals("gateway") && span.kind().equals("SERVER")).findFirst()
                .orElseThrow();
        assertThat(gateway.parentSpanId()).as("the gateway continues the caller's span").isEqualTo(callerSpanId);
        OtlpReceiver.ReceivedSpan leadService = spans.stream()
                .filter(span -> span.service().equals("lead-service") && span.kind().equals("SERVER")).findFirst()
                .orElseThrow();
        assertThat(leadService.parentSpanId()).as("lead-service's request is a child of the gateway's span")
                .isEqualTo(gateway.spanId());
        for (OtlpReceiver.ReceivedSpan consumer : spans.stream().filter(span -> span.kind().equals("CONSUMER"))
                .toList()) {
            OtlpReceiver.ReceivedSpan parent = byId.get(consumer.parentSpanId());
            assertThat(parent).as("the parent of %s's span %s, stored with the event in lead-service's outbox",
                    consumer.service(), consumer.name()).isNotNull();
            assertThat(parent.service()).isEqualTo("lead-service");
        }
    }

    private static Set<String> consumersIn(List<OtlpReceiver.ReceivedSpan> spans) {
        return spans.stream().filter(span -> span.kind().equals("CONSUMER"))
                .map(OtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet());
    }

    /** The trace as a span list, for a reader of the test output (times relative to the first span's start). */
    private static void print(List<OtlpReceiver.ReceivedSpan> spans) {
        long origin = spans.stream().mapToLong(OtlpReceiver.ReceivedSpan::startNanos).min().orElse(0);
        System.out.println("Trace " + spans.get(0).traceId() + " (" + spans.size() + " spans):");
        spans.stream().sorted(Comparator.comparingLong(OtlpReceiver.ReceivedSpan::startNanos)).forEach(span ->
                System.out.printf("  +%8.1f ms %8.1f ms  %-18s %-8s %-45s span %s parent %s%n",
                        (span.startNanos() - origin) / 1e6, span.millis(), span.service(), span.kind(), span.name(),
                        span.spanId(), span.parentSpanId()));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
