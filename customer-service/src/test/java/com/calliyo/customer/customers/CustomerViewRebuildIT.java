package com.calliyo.customer.customers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.calliyo.customer.ConsumerLag;
import com.calliyo.customer.LeadEventsMother;
import com.calliyo.customer.OrderEventsMother;
import com.calliyo.customer.ViewDatabases;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.PaymentStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.calliyo.customer.LeadEventsMother.aLead;
import static com.calliyo.customer.LeadEventsMother.call;
import static com.calliyo.customer.LeadEventsMother.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild gives exactly the same view: after the service has consumed the topics, a second copy of the service
 * with a fresh consumer group replays every record of the three topics into an empty database, and every document
 * of both databases is compared. The topics hold whatever the other integration tests of this JVM published too
 * (duplicates, out-of-order versions, poison records), plus a scenario of this test's own.
 */
@SpringBootTest
@ActiveProfiles("test")
class CustomerViewRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> TOPICS = List.of(LeadEventTopics.LEAD_EVENTS, OrderEventTopics.ORDER_EVENTS,
            LeadEventTopics.COMPANY_EVENTS);
    private static final String LIVE_GROUP = "customer-service";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "customers");
    }

    @Test
    void shouldRebuildExactlyTheSameViewFromTheTopicsIntoAnEmptyDatabase() throws Exception {
        TestInfrastructure.Endpoints infra = TestInfrastructure.shared();
        Scenario scenario = publishScenario(infra.kafkaBootstrapServers());
        try (ConsumerLag lag = new ConsumerLag(infra.kafkaBootstrapServers())) {
            await().atMost(PATIENCE).until(() -> lag.of(LIVE_GROUP, TOPICS) == 0);
            Map<String, Map<Object, Document>> live = ViewDatabases.contents(infra.mongoServer(), "customers");
            assertScenarioIsInTheView(scenario, live);

            String rebuilt = "customers-rebuild-" + UUID.randomUUID();
            String group = "customer-rebuild-" + UUID.randomUUID();
            try (ConfigurableApplicationContext copy = ViewDatabases.startService(infra.kafkaBootstrapServers(),
                    infra.mongoServer(), rebuilt, group)) {
                await().atMost(PATIENCE).until(() -> lag.of(group, TOPICS) == 0);
                assertThat(ViewDatabases.contents(infra.mongoServer(), rebuilt)).isEqualTo(live);
            }
        }
    }

    private record Scenario(String company, LeadEventsMother customer, LeadEventsMother unconverted,
                            LeadEventsMother reconverted, LeadEventsMother neverConverted, String orderOfNeverConverted) {
    }

    /** Every kind of event, in both orders across topics, with duplicates, old versions and a poison record. */
    private static Scenario publishScenario(String bootstrapServers) throws Exception {
        String company = "company-" + UUID.randomUUID();
        LeadEventsMother customer = aLead().ofCompany(company).assignedTo("agent-a");
        LeadEventsMother unconverted = aLead().ofCompany(company).assignedTo("agent-b");
        LeadEventsMother reconverted = aLead().ofCompany(company).named("Ravi", "Kumar", "+919900011122");
        LeadEventsMother neverConverted = aLead().ofCompany(company);
        OrderEventsMother early = OrderEventsMother.anOrder(company, customer.leadId());
        OrderEventsMother late = OrderEventsMother.anOrder(company, reconverted.leadId());
        OrderEventsMother stray = OrderEventsMother.anOrder(company, neverConverted.leadId());
        TimelineEntry firstCall = call(Instant.parse("2026-03-02T10:00:00Z"), 60);
        TimelineEntry later = note("after conversion", Instant.parse("2026-03-08T10:00:00Z"));
        List<ProducerRecord<String, byte[]>> records = List.of(
                LeadEventsMother.record(LeadEventsMother.settingsChanged(company, 2, "UTC", "AGENT_ONLY", "Won")),
                LeadEventsMother.record(LeadEventsMother.statusesChanged(company, 3, "Client")),
                LeadEventsMother.record(LeadEventsMother.userChanged(company, "agent-a", 1, "Asha Agent")),
                OrderEventsMother.record(early.created()),
                LeadEventsMother.record(customer.converted(3, firstCall)),
                LeadEventsMother.record(customer.noteAdded(4, later)),
                LeadEventsMother.record(customer.noteAdded(4, later)),
                OrderEventsMother.record(early.paid(2, PaymentStatus.PENDING, PaymentStatus.PAID, "11800.00")),
                OrderEventsMother.record(early.created()),
                LeadEventsMother.record(unconverted.converted(3)),
                LeadEventsMother.record(unconverted.unconverted(4)),
                LeadEventsMother.record(unconverted.converted(3)),
                LeadEventsMother.record(reconverted.converted(3, firstCall)),
                LeadEventsMother.record(reconverted.unconverted(4)),
                OrderEventsMother.record(late.created()),
                LeadEventsMother.record(reconverted.noteAdded(5, later)),
                LeadEventsMother.record(reconverted.converted(6, firstCall, later)),
                LeadEventsMother.record(neverConverted.noteAdded(2, later)),
                OrderEventsMother.record(stray.created()),
                OrderEventsMother.record(customer.leadId(), "com.calliyo.order.updated",
                        "{\"orderId\": oops".getBytes(StandardCharsets.UTF_8)),
                LeadEventsMother.record(LeadEventsMother.settingsChanged(company, 1, "Asia/Kolkata", "ALL",
                        "Customer")));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get(10, TimeUnit.SECONDS);
            }
        }
        return new Scenario(company, customer, unconverted, reconverted, neverConverted, stray.orderId());
    }

    /** The comparison would prove little if the live view had not applied the scenario; it did. */
    private static void assertScenarioIsInTheView(Scenario scenario, Map<String, Map<Object, Document>> live) {
        Map<Object, Document> customers = live.get("customers");
        assertThat(customers.get(scenario.customer().leadId()).getBoolean("customer")).isTrue();
        assertThat(customers.get(scenario.customer().leadId()).get("history", Document.class)).hasSize(2);
        assertThat(customers.get(scenario.customer().leadId()).get("orders", Document.class)).hasSize(1);
        assertThat(customers.get(scenario.unconverted().leadId()).getBoolean("customer")).isFalse();
        assertThat(customers.get(scenario.reconverted().leadId()).getBoolean("customer")).isTrue();
        assertThat(customers.get(scenario.reconverted().leadId()).getLong("version")).isEqualTo(6);
        Document stray = customers.get(scenario.neverConverted().leadId());
        assertThat(stray.getBoolean("customer")).isFalse();
        assertThat(stray.get("orders", Document.class)).containsKey(scenario.orderOfNeverConverted());
        assertThat(stray.get("history")).as("lead events of a lead never converted are not kept").isNull();
        Document company = live.get("companies").get(scenario.company());
        assertThat(company.getString("timezone")).isEqualTo("UTC");
        assertThat(company.getLong("pipelineVersion")).isEqualTo(3);
    }
}
