package com.calliyo.webhook.delivery;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.webhook.SourceEvents;
import com.calliyo.webhook.TestReceiver;
import com.calliyo.webhook.subscription.domain.WebhookEventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * webhook-service on the real broker and store, delivering to real HTTP receivers on loopback (the development
 * allowance is on for them). Retries wait 200 ms here instead of seconds; the schedule itself is RetryPolicyTest's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "webhook.targets.allow-insecure=true",
        "webhook.delivery.retry-schedule=200ms",
        "webhook.delivery.jitter=0",
        "webhook.delivery.poll-interval=50ms",
        "webhook.delivery.per-endpoint=4",
        "spring.kafka.consumer.group-id=webhook-delivery-it"})
class WebhookDeliveryIT extends DeliveringService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "webhooks-delivery-it");
    }

    @Test
    void shouldDeliverEveryEventTypeOnceSignedWithTheSubscriptionsSecret() {
        try (TestReceiver receiver = TestReceiver.start()) {
            String secret = admin.subscribe(receiver.url(), WebhookEventType.wireNames().toArray(String[]::new))
                    .get("secret").asString();
            List<LeadEvent> leadEvents = List.of(lead.captured(), lead.emailChanged(2, "asha.rao@example.com"),
                    lead.assigned(3), lead.callLogged(4), lead.followUpScheduled(5), lead.followUpResolved(6),
                    lead.noteAdded(7), lead.statusChanged(8, SourceEvents.NEW, SourceEvents.CUSTOMER),
                    lead.converted(8), lead.statusChanged(9, SourceEvents.CUSTOMER, SourceEvents.INTERESTED),
                    lead.unconverted(9));
            leadEvents.forEach(event -> send(SourceEvents.record(event)));
            send(SourceEvents.record(lead.orderCreated("order-1")));
            send(SourceEvents.record(lead.orderPaid("order-1")));

            await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 13);
            List<TestReceiver.Received> got = receiver.accepted();
            assertThat(got).hasSize(13).allSatisfy(r -> assertThat(r.signedWith(secret)).isTrue());
            assertThat(got).extracting(TestReceiver.Received::id).doesNotHaveDuplicates();
            // in order per topic; the two topics are read side by side, so orders may come between lead events
            List<TestReceiver.Received> leadSide = got.stream().filter(r -> !r.type().startsWith("order.")).toList();
            List<TestReceiver.Received> orderSide = got.stream().filter(r -> r.type().startsWith("order.")).toList();
            assertThat(leadSide).extracting(TestReceiver.Received::type).containsExactly("lead.created",
                    "lead.updated", "lead.assigned", "call.completed", "followup.created", "followup.completed",
                    "note.added", "lead.status_changed", "lead.converted", "lead.status_changed", "lead.unconverted");
            assertThat(orderSide).extracting(TestReceiver.Received::type).containsExactly("order.created",
                    "order.payment_status_changed");
            JsonNode updated = leadSide.get(1).json();
            assertThat(updated.get("companyId").asString()).isEqualTo(company);
            assertThat(updated.get("data").get("lead").get("email").asString()).isEqualTo("asha.rao@example.com");
            assertThat(updated.get("data").get("previous").get("email").asString()).isEqualTo("asha@example.com");
            assertThat(updated.get("data").get("previous").size()).isEqualTo(1);
            assertThat(leadSide.get(7).json().get("data").get("previous").get("status").get("name").asString())
                    .isEqualTo("New");
            assertThat(orderSide.get(1).json().get("data").get("previous").get("paymentStatus").asString())
                    .isEqualTo("PENDING");
        }
    }

    @Test
    void shouldRetryAFailingReceiverAndKeepTheLeadsEventsInOrder() {
        double retrying = attempts("retrying");
        double delivered = attempts("delivered");
        long applied = applied(meters);
        try (TestReceiver receiver = TestReceiver.start().answering(500, 503, 429)) {
            admin.subscribe(receiver.url(), "lead.created", "note.added");
            send(SourceEvents.record(lead.captured()));
            send(SourceEvents.record(lead.noteAdded(2)));

            await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 2);
            assertThat(receiver.received()).extracting(TestReceiver.Received::type)
                    .containsExactly("lead.created", "lead.created", "lead.created", "lead.created", "note.added");
            assertThat(receiver.received().subList(0, 4)).extracting(TestReceiver.Received::id).containsOnly(
                    receiver.accepted().get(0).id());
            assertThat(receiver.distinctAccepted()).extracting(TestReceiver.Received::type)
                    .containsExactly("lead.created", "note.added");
            // other tests share the registry: compare with the counts before this one (counted after the store write)
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(attempts("retrying") - retrying).isGreaterThanOrEqualTo(3);
                assertThat(attempts("delivered") - delivered).isGreaterThanOrEqualTo(2);
                assertThat(applied(meters) - applied).isGreaterThanOrEqualTo(2);
            });
        }
    }

    private static long applied(MeterRegistry meters) {
        return meters.find("calliyo.projection.apply").tag("topic", "crm.lead.events").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private double attempts(String outcome) {
        return meters.get(DeliveryMetrics.ATTEMPTS).tag("outcome", outcome).timer().count();
    }

    @Test
    void shouldSendSeveralLeadsAtOnceButEachLeadsEventsOneAfterAnotherInOrderWhenSomeFail() {
        // every third of the first twelve requests fails (early, so the circuit breaker stays closed)
        try (TestReceiver receiver = TestReceiver.start().holding(20)
                .answering(200, 200, 503, 200, 200, 503, 200, 200, 503, 200, 200, 503)) {
            admin.subscribe(receiver.url(), "lead.created", "note.added");
            List<SourceEvents> leads = Stream.generate(() -> new SourceEvents(company)).limit(8).toList();
            for (int version = 1; version <= 5; version++) {
                for (SourceEvents each : leads) {
                    send(SourceEvents.record(version == 1 ? each.captured() : each.noteAdded(version)));
                }
            }

            await().atMost(PATIENCE).until(() -> receiver.distinctAccepted().size() >= 40);
            assertThat(receiver.received().size()).isGreaterThanOrEqualTo(44); // four were answered 503, sent again
            assertThat(receiver.distinctAccepted()).hasSize(40);
            assertThat(receiver.overlappingLeads()).isEmpty();
            assertThat(receiver.maxInFlight()).isBetween(2, 4);
            for (SourceEvents each : leads) {
                // every request of a lead, retries included: never a later version before an earlier one is final
                List<Long> versions = receiver.received().stream()
                        .filter(r -> r.json().get("data").get("lead").get("id").asString().equals(each.leadId()))
                        .map(r -> r.json().get("data").get("lead").get("version").asLong()).toList();
                assertThat(versions).isSorted().containsAll(List.of(1L, 2L, 3L, 4L, 5L));
            }
        }
    }

    @Test
    void shouldGiveUpOnAClientErrorAndGoOnWithTheNextEvent() {
        double failedBefore = attempts("failed");
        try (TestReceiver receiver = TestReceiver.start().answering(400)) {
            String subscription = admin.subscribe(receiver.url(), "lead.created", "note.added").get("id").asString();
            send(SourceEvents.record(lead.captured()));
            send(SourceEvents.record(lead.noteAdded(2)));

            await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 1);
            assertThat(receiver.received()).extracting(TestReceiver.Received::type)
                    .containsExactly("lead.created", "note.added");
            JsonNode log = admin.get("/api/settings/webhooks/" + subscription + "/deliveries?status=FAILED").json();
            assertThat(log.get("total").asInt()).isEqualTo(1);
            JsonNode failed = log.get("items").get(0);
            assertThat(failed.get("type").asString()).isEqualTo("lead.created");
            assertThat(failed.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(400);
            assertThat(failed.get("attemptLog").get(0).get("response").asString()).isEqualTo("answered 400");
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(attempts("failed") - failedBefore).isGreaterThanOrEqualTo(1));
        }
    }

    @Test
    void shouldNotLetAHangingReceiverDelayAnotherOne() {
        try (TestReceiver hanging = TestReceiver.start().answering(TestReceiver.HANG);
             TestReceiver fast = TestReceiver.start()) {
            admin.subscribe(hanging.url(), "lead.created", "note.added");
            admin.subscribe(fast.url(), "lead.created", "note.added");
            send(SourceEvents.record(lead.captured()));
            for (int version = 2; version <= 6; version++) {
                send(SourceEvents.record(lead.noteAdded(version)));
            }

            await().atMost(PATIENCE).until(() -> fast.accepted().size() >= 6);
            // the hanging receiver has the first event and has not answered it yet
            assertThat(hanging.received()).hasSize(1);
            assertThat(hanging.accepted()).isEmpty();
        }
    }

}
