package com.calliyo.reporting.report;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.calliyo.consumers.BatchApplyTimer;
import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.CompanyEvent;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.OrderEventType;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;
import com.calliyo.reporting.LeadEventsMother;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Role;
import com.calliyo.reporting.facts.FactCollections;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import static com.calliyo.reporting.LeadEventsMother.aCompany;
import static com.calliyo.reporting.LeadEventsMother.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * All three topics on the real broker into the facts, read back over HTTP: orders into revenue (only while the lead
 * is a customer), company settings and pipeline into the funnel and the call days, user names into labels, calls
 * into the call report, and agents limited to their own rows. The contract module's own example order events go
 * through the listener too.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportEventsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting");
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @Test
    void shouldCountRevenueOfCustomersOnlyCreditedToTheConvertingAgentByName() throws Exception {
        String company = aCompany();
        LeadEventsMother kept = aLead(company).assignedTo("agent-1");
        LeadEventsMother undone = aLead(company).assignedTo("agent-2");
        // the order arrives before its lead: the topics are not ordered with each other
        publishOrder(order(company, kept.leadId(), 1, "Gold", PaymentStatus.PENDING, "10000.00", "900.00"));
        publishOrder(order(company, undone.leadId(), 1, "Gold", PaymentStatus.PAID, "5000.00", "450.00"));
        publish(kept.captured(), undone.captured());
        kept.conversion(2).forEach(this::publish);
        undone.conversion(2).forEach(this::publish);
        undone.unconversion(3).forEach(this::publish);
        publishCompany(new UserChanged(company, "agent-1", 1, Instant.now(), "admin", "Asha Rao", "AGENT", false, null));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/reports/revenue")
                        .param("groupBy", "agent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].key").value("agent-1"))
                .andExpect(jsonPath("$.rows[0].label").value("Asha Rao"))
                .andExpect(jsonPath("$.rows[0].orders").value(1))
                .andExpect(jsonPath("$.rows[0].revenue").value("10000.00"))
                .andExpect(jsonPath("$.rows[0].collected").value("0.00"))
                .andExpect(jsonPath("$.rows[0].tax").value("1800.00"))
                .andExpect(jsonPath("$.total.revenue").value("10000.00")));

        // paid later (a newer orderVersion); an older version redelivered afterwards changes nothing
        OrderSnapshot paid = order(company, kept.leadId(), 2, "Gold", PaymentStatus.PAID, "10000.00", "900.00")
                .order();
        String orderId = paid.orderId();
        publishOrder(new OrderPaymentStatusChanged(company, orderId, kept.leadId(), 2, Instant.now(), "agent-1",
                paid, PaymentStatus.PENDING, PaymentStatus.PAID));
        publishOrder(order(company, kept.leadId(), 1, "Gold", PaymentStatus.PENDING, "10000.00", "900.00"));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/reports/revenue")
                        .param("groupBy", "plan"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].key").value("Gold"))
                .andExpect(jsonPath("$.rows[0].collected").value("10000.00"))
                .andExpect(jsonPath("$.total.orders").value(1)));
        mvc.perform(asAgent(company, "agent-2", "/api/reports/revenue").param("groupBy", "agent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(0)))
                .andExpect(jsonPath("$.total.revenue").value("0.00"));
    }

    @Test
    void shouldListTheFunnelInTheNewestPipelineOrderWithRenames() throws Exception {
        String company = aCompany();
        LeadEventsMother fresh = aLead(company);
        LeadEventsMother customer = aLead(company);
        publish(fresh.captured(), customer.captured());
        customer.conversion(2).forEach(this::publish);
        List<PipelineStatus> renamed = List.of(
                new PipelineStatus("st-customer", "Customer", StatusKind.CUSTOMER, 2),
                new PipelineStatus("st-new", "Fresh", StatusKind.UNASSIGNED, 0),
                new PipelineStatus("st-interested", "Warm", StatusKind.OTHER, 1));
        publishCompany(new CompanyStatusesChanged(company, 3, Instant.now(), "admin", renamed));
        publishCompany(new CompanyStatusesChanged(company, 2, Instant.now(), "admin", List.of(
                new PipelineStatus("st-new", "New", StatusKind.UNASSIGNED, 0))));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/reports/funnel"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(3)))
                .andExpect(jsonPath("$.rows[0].key").value("st-new"))
                .andExpect(jsonPath("$.rows[0].label").value("Fresh"))
                .andExpect(jsonPath("$.rows[0].leads").value(1))
                .andExpect(jsonPath("$.rows[1].label").value("Warm"))
                .andExpect(jsonPath("$.rows[1].leads").value(0))
                .andExpect(jsonPath("$.rows[2].label").value("Customer"))
                .andExpect(jsonPath("$.rows[2].leads").value(1))
                .andExpect(jsonPath("$.total.leads").value(2)));
        // the batch listener's polls are timed per record (event-consumers' BatchApplyTimer, registered by import)
        assertThat(meters.get(BatchApplyTimer.APPLY).tag("topic", LeadEventTopics.LEAD_EVENTS)
                .tag("type", "com.calliyo.lead.captured").timer().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldCountCallsPerAgentPerLocalDayAgainstTheTarget() throws Exception {
        String company = aCompany();
        LeadEventsMother lead = aLead(company);
        // the target took effect before the calls' days: each day uses the target in force then
        publishCompany(new CompanySettingsChanged(company, 1, Instant.parse("2026-01-01T00:00:00Z"), "admin",
                "Asia/Kolkata", "ALL", true, 4, List.of(), null));
        publish(lead.captured());
        // 18:40Z on 1 March is 00:10 IST on 2 March
        CallLogged late = call(lead, 2, "call-" + UUID.randomUUID(), "2026-03-01T18:40:00Z", "CALLED", 120);
        publish(late);
        publish(late); // a redelivery is the same call
        publish(call(lead, 3, "call-" + UUID.randomUUID(), "2026-03-02T05:00:00Z", "MISSED", 0));
        publish(call(lead, 4, "call-" + UUID.randomUUID(), "2026-03-01T10:00:00Z", "CALLED", 30));
        // an in-progress call, then its completion: the same call id at a newer leadVersion
        String live = "call-" + UUID.randomUUID();
        publish(call(lead, 5, live, "2026-03-02T06:00:00Z", "IN_PROGRESS", 0));
        publish(call(lead, 6, live, "2026-03-02T06:00:00Z", "CALLED", 60));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/reports/calls")
                        .param("from", "2026-03-02").param("to", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].key").value(LeadEventsMother.AGENT))
                .andExpect(jsonPath("$.rows[0].date").value("2026-03-02"))
                .andExpect(jsonPath("$.rows[0].attempts").value(3))
                .andExpect(jsonPath("$.rows[0].connected").value(2))
                .andExpect(jsonPath("$.rows[0].missed").value(1))
                .andExpect(jsonPath("$.rows[0].talkTimeSeconds").value(180))
                .andExpect(jsonPath("$.rows[0].dailyCallTarget").value(4))
                .andExpect(jsonPath("$.rows[0].targetCoverage").value(0.75))
                .andExpect(jsonPath("$.rows[0].connectRate").value(0.6667))
                .andExpect(jsonPath("$.rows[0].avgTalkSeconds").value(90.0))
                .andExpect(jsonPath("$.total.connectRate").value(0.6667)));
        mvc.perform(asAgent(company, "someone-else", "/api/reports/calls"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(0)))
                .andExpect(jsonPath("$.total.attempts").value(0));
    }

    @Test
    void shouldReadTheContractsExampleOrderEvents() {
        for (OrderEventType type : OrderEventType.values()) {
            byte[] example = example("contracts/order-events/" + type.dataClass().getSimpleName() + ".v1.json");
            OrderEvent event = JSON.readValue(example, type.dataClass());
            producerSend(record(OrderEventTopics.ORDER_EVENTS, event.leadId(), type.type(), example));
        }
        OrderEvent created = JSON.readValue(example("contracts/order-events/OrderCreated.v1.json"),
                OrderCreated.class);
        await().atMost(PATIENCE).untilAsserted(() -> {
            Document fact = mongo.getCollection(FactCollections.ORDERS)
                    .find(new Document("_id", created.orderId())).first();
            assertThat(fact).isNotNull();
            assertThat(fact.getString("companyId")).isEqualTo(created.companyId());
            assertThat(fact.getString("taxableValue"))
                    .isEqualTo(created.order().taxBreakdown().taxableValue());
        });
    }

    private static OrderCreated order(String company, String leadId, long version, String plan, PaymentStatus status,
                                      String taxable, String halfTax) {
        String orderId = "order-of-" + leadId;
        OrderSnapshot snapshot = new OrderSnapshot(orderId, leadId, plan, "INR", taxable, false, status, null,
                new TaxBreakdown(taxable, halfTax, halfTax, "0.00", taxable, "18", "29"), Instant.now(), "agent-1");
        return new OrderCreated(company, orderId, leadId, version, Instant.now(), "agent-1", snapshot);
    }

    private static CallLogged call(LeadEventsMother lead, long version, String id, String at, String status,
                                   int duration) {
        LeadEvent captured = lead.captured();
        return new CallLogged(lead.companyId(), lead.leadId(), version, Instant.parse(at), LeadEventsMother.AGENT,
                captured.lead(), new TimelineEntry(id, TimelineEntryType.CALL, Instant.parse(at),
                LeadEventsMother.AGENT, null, status, duration, null, null));
    }

    private static MockHttpServletRequestBuilder asManager(String company, String path) {
        return MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(company, Role.MANAGER));
    }

    private static MockHttpServletRequestBuilder asAgent(String company, String userId, String path) {
        return MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(company, userId, Role.AGENT));
    }

    private void publish(LeadEvent... events) {
        for (LeadEvent event : events) {
            producerSend(LeadEventsMother.record(event));
        }
    }

    private static void publishOrder(OrderEvent event) {
        String type = Arrays.stream(OrderEventType.values())
                .filter(t -> t.dataClass().equals(event.getClass())).findFirst().orElseThrow().type();
        producerSend(record(OrderEventTopics.ORDER_EVENTS, event.leadId(), type, JSON.writeValueAsBytes(event)));
    }

    private static void publishCompany(CompanyEvent event) {
        String type = Arrays.stream(LeadEventType.values())
                .filter(t -> t.dataClass().equals(event.getClass())).findFirst().orElseThrow().type();
        producerSend(record(LeadEventTopics.COMPANY_EVENTS, event.companyId(), type, JSON.writeValueAsBytes(event)));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String type, byte[] data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(URI.create("/calliyo/test"))
                .withSubject(key)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event);
    }

    private static void producerSend(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + record.key(), e);
        }
    }

    private static byte[] example(String resource) {
        try (var in = ReportEventsIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
