package com.calliyo.customer.customers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.calliyo.customer.LeadEventsMother;
import com.calliyo.customer.OrderEventsMother;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Role;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.PaymentStatus;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.calliyo.customer.LeadEventsMother.aLead;
import static com.calliyo.customer.LeadEventsMother.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Orders, "Show customer to", list filters and company settings, through real records on the real broker and the
 * HTTP API. Each test uses a company of its own, so lists hold exactly what the test published.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CustomerPageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "customers");
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
    void shouldShowAnOrderThatArrivedBeforeTheConversionAndKeepItsPaymentStatusCurrent() throws Exception {
        String company = newCompany();
        LeadEventsMother lead = aLead().ofCompany(company);
        OrderEventsMother order = OrderEventsMother.anOrder(company, lead.leadId());
        publish(OrderEventsMother.record(order.created()));
        awaitOrderBarrier(company);
        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId())).andExpect(status().isNotFound());

        publish(LeadEventsMother.record(lead.converted(3)));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/customers/{id}",
                        lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders[0].orderId").value(order.orderId()))
                .andExpect(jsonPath("$.orders[0].paymentStatus").value("PENDING")));

        publish(OrderEventsMother.record(order.paid(2, PaymentStatus.PENDING, PaymentStatus.PARTIALLY_PAID, "5000.00")));
        publish(OrderEventsMother.record(order.paid(3, PaymentStatus.PARTIALLY_PAID, PaymentStatus.PAID, "11800.00")));
        publish(OrderEventsMother.record(order.paid(2, PaymentStatus.PENDING, PaymentStatus.PARTIALLY_PAID, "5000.00")));
        publish(OrderEventsMother.record(order.created()));
        awaitOrderBarrier(company);

        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders", hasSize(1)))
                .andExpect(jsonPath("$.orders[0].paymentStatus").value("PAID"))
                .andExpect(jsonPath("$.orders[0].amountPaid").value("11800.00"))
                .andExpect(jsonPath("$.orders[0].amount").value("11800.00"))
                .andExpect(jsonPath("$.orders[0].total").value("11800.00"))
                .andExpect(jsonPath("$.orders[0].plan").value("Premium"))
                .andExpect(jsonPath("$.orders[0].createdAt").value(OrderEventsMother.CREATED_AT.toString()));
    }

    @Test
    void shouldBringBackHistoryAndOrdersOnReconversion() throws Exception {
        String company = newCompany();
        LeadEventsMother lead = aLead().ofCompany(company);
        OrderEventsMother order = OrderEventsMother.anOrder(company, lead.leadId());
        TimelineEntry before = note("first time", Instant.parse("2026-03-02T10:00:00Z"));
        TimelineEntry afterConversion = note("sent the invoice", Instant.parse("2026-03-06T10:00:00Z"));
        publish(LeadEventsMother.record(lead.converted(3, before)));
        publish(LeadEventsMother.record(lead.noteAdded(4, afterConversion)));
        publish(OrderEventsMother.record(order.created()));
        publish(LeadEventsMother.record(lead.unconverted(5)));
        awaitLeadBarrier(company);
        awaitOrderBarrier(company);
        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId())).andExpect(status().isNotFound());
        mvc.perform(asManager(company, "/api/customers")).andExpect(jsonPath("$.items", empty()));

        publish(LeadEventsMother.record(lead.converted(6, Instant.parse("2026-03-07T12:00:00Z"), before,
                afterConversion)));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/customers/{id}",
                        lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.convertedAt").value("2026-03-07T12:00:00Z"))
                .andExpect(jsonPath("$.history[*].id", contains(afterConversion.id(), before.id())))
                .andExpect(jsonPath("$.orders[*].orderId", contains(order.orderId()))));
    }

    @Test
    void shouldKeepALeadWhoseIdLooksLikeAnObjectIdWithItsOrders() throws Exception {
        String company = newCompany();
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        LeadEventsMother lead = aLead().ofCompany(company).withLeadId(hex);
        OrderEventsMother order = OrderEventsMother.anOrder(company, hex);
        publish(LeadEventsMother.record(lead.converted(3)));
        publish(OrderEventsMother.record(order.created()));
        publish(LeadEventsMother.record(lead.noteAdded(4, note("still a string id", Instant.parse(
                "2026-03-09T10:00:00Z")))));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/customers/{id}", hex))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadId").value(hex))
                .andExpect(jsonPath("$.history", hasSize(1)))
                .andExpect(jsonPath("$.orders", hasSize(1))));
    }

    @Test
    void shouldLetAnAgentSeeOnlyTheirOwnCustomersUnderAgentOnly() throws Exception {
        String company = newCompany();
        LeadEventsMother mine = aLead().ofCompany(company).assignedTo("agent-a");
        LeadEventsMother theirs = aLead().ofCompany(company).assignedTo("agent-b");
        publish(LeadEventsMother.record(mine.converted(3)));
        publish(LeadEventsMother.record(theirs.converted(3)));
        awaitLeadBarrier(company);
        publish(LeadEventsMother.record(LeadEventsMother.settingsChanged(company, 4, "Asia/Kolkata", "AGENT_ONLY",
                "Customer")));
        publish(LeadEventsMother.record(LeadEventsMother.settingsChanged(company, 3, "Asia/Kolkata", "ALL",
                "Customer")));
        awaitCompanyBarrier();

        mvc.perform(as(company, "agent-a", Role.AGENT, "/api/customers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].leadId", contains(mine.leadId())))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(as(company, "agent-a", Role.AGENT, "/api/customers").param("agentId", "agent-b"))
                .andExpect(jsonPath("$.items", empty()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(company, "agent-a", Role.AGENT, "/api/customers/" + theirs.leadId()))
                .andExpect(status().isNotFound());
        mvc.perform(as(company, "agent-a", Role.AGENT, "/api/customers/" + mine.leadId()))
                .andExpect(status().isOk());
        for (Role role : List.of(Role.ADMIN, Role.MANAGER)) {
            mvc.perform(as(company, "boss", role, "/api/customers"))
                    .andExpect(jsonPath("$.items[*].leadId", containsInAnyOrder(mine.leadId(), theirs.leadId())));
            mvc.perform(as(company, "boss", role, "/api/customers/" + theirs.leadId())).andExpect(status().isOk());
        }

        publish(LeadEventsMother.record(LeadEventsMother.settingsChanged(company, 5, "Asia/Kolkata", "ALL",
                "Customer")));
        awaitCompanyBarrier();
        mvc.perform(as(company, "agent-a", Role.AGENT, "/api/customers/" + theirs.leadId()))
                .andExpect(status().isOk());
    }

    @Test
    void shouldFilterByLocalDatesInTheCompanysTimezone() throws Exception {
        String company = newCompany();
        LeadEventsMother lastOfApril = aLead().ofCompany(company);
        LeadEventsMother firstOfMay = aLead().ofCompany(company);
        LeadEventsMother lastOfMay = aLead().ofCompany(company);
        LeadEventsMother firstOfJune = aLead().ofCompany(company);
        publish(LeadEventsMother.record(lastOfApril.converted(3, Instant.parse("2026-04-30T18:29:59Z"))));
        publish(LeadEventsMother.record(firstOfMay.converted(3, Instant.parse("2026-04-30T18:30:00Z"))));
        publish(LeadEventsMother.record(lastOfMay.converted(3, Instant.parse("2026-05-31T18:29:59Z"))));
        publish(LeadEventsMother.record(firstOfJune.converted(3, Instant.parse("2026-05-31T18:30:00Z"))));
        awaitLeadBarrier(company);

        // no settings heard yet: Asia/Kolkata (UTC+05:30)
        mvc.perform(asManager(company, "/api/customers").param("from", "2026-05-01").param("to", "2026-05-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].leadId", contains(lastOfMay.leadId(), firstOfMay.leadId())))
                .andExpect(jsonPath("$.total").value(2));

        publish(LeadEventsMother.record(LeadEventsMother.settingsChanged(company, 2, "UTC", "ALL", "Customer")));
        awaitCompanyBarrier();
        mvc.perform(asManager(company, "/api/customers").param("from", "2026-05-01").param("to", "2026-05-31"))
                .andExpect(jsonPath("$.items[*].leadId", contains(firstOfJune.leadId(), lastOfMay.leadId())));
        mvc.perform(asManager(company, "/api/customers").param("to", "2026-04-30"))
                .andExpect(jsonPath("$.items[*].leadId", contains(firstOfMay.leadId(), lastOfApril.leadId())));
    }

    @Test
    void shouldSearchByNamePhoneOrEmailAndFilterByAgent() throws Exception {
        String company = newCompany();
        LeadEventsMother asha = aLead().ofCompany(company).named("Asha", "Rao", "+919812345678")
                .assignedTo("agent-a");
        LeadEventsMother ravi = aLead().ofCompany(company).named("Ravi", "Kumar", "+919900011122")
                .assignedTo("agent-b");
        publish(LeadEventsMother.record(asha.converted(3, Instant.parse("2026-03-05T12:00:00Z"))));
        publish(LeadEventsMother.record(ravi.converted(3, Instant.parse("2026-03-06T12:00:00Z"))));
        awaitLeadBarrier(company);

        assertThat(ids(company, "q", "asha RAO")).containsExactly(asha.leadId());
        assertThat(ids(company, "q", "99000")).containsExactly(ravi.leadId());
        assertThat(ids(company, "q", "ravi@example")).containsExactly(ravi.leadId());
        assertThat(ids(company, "q", "a.*")).as("regex characters are plain text").isEmpty();
        assertThat(ids(company, "agentId", "agent-a")).containsExactly(asha.leadId());
        assertThat(ids(company, "q", "")).containsExactly(ravi.leadId(), asha.leadId());
    }

    @Test
    void shouldNameStatusesAsTheNewestSettingsOrPipelineDo() throws Exception {
        String company = newCompany();
        LeadEventsMother lead = aLead().ofCompany(company);
        publish(LeadEventsMother.record(lead.converted(3)));
        awaitLeadBarrier(company);

        publish(LeadEventsMother.record(LeadEventsMother.settingsChanged(company, 7, "Asia/Kolkata", "ALL",
                "Won")));
        awaitCompanyBarrier();
        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId()))
                .andExpect(jsonPath("$.status.name").value("Won"));
        mvc.perform(asManager(company, "/api/customers"))
                .andExpect(jsonPath("$.items[0].status.name").value("Won"));

        publish(LeadEventsMother.record(LeadEventsMother.statusesChanged(company, 9, "Client")));
        awaitCompanyBarrier();
        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId()))
                .andExpect(jsonPath("$.status.name").value("Client"))
                .andExpect(jsonPath("$.status.kind").value("CUSTOMER"));
    }

    @Test
    void shouldNameTheCreditedAgentFromTheNewestUserChange() throws Exception {
        String company = newCompany();
        LeadEventsMother lead = aLead().ofCompany(company).assignedTo("agent-p");
        publish(LeadEventsMother.record(lead.converted(3)));
        awaitLeadBarrier(company);
        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId()))
                .andExpect(jsonPath("$.convertedBy").value("agent-p"))
                .andExpect(jsonPath("$.convertedByName").doesNotExist());

        publish(LeadEventsMother.record(LeadEventsMother.userChanged(company, "agent-p", 2, "Priya Shah")));
        publish(LeadEventsMother.record(LeadEventsMother.userChanged(company, "agent-p", 1, "Priya")));
        awaitCompanyBarrier();

        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId()))
                .andExpect(jsonPath("$.convertedByName").value("Priya Shah"));
        mvc.perform(asManager(company, "/api/customers"))
                .andExpect(jsonPath("$.items[0].convertedByName").value("Priya Shah"));
    }

    @Test
    void shouldTagTheListAndOneCustomerAndAnswer304UntilTheCustomerChanges() throws Exception {
        String company = newCompany();
        LeadEventsMother lead = aLead().ofCompany(company).assignedTo("agent-e");
        publish(LeadEventsMother.record(lead.converted(3)));
        awaitLeadBarrier(company);
        String one = mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId())).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        String list = mvc.perform(asManager(company, "/api/customers")).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);

        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId()).header(HttpHeaders.IF_NONE_MATCH, one))
                .andExpect(status().isNotModified());
        mvc.perform(asManager(company, "/api/customers").header(HttpHeaders.IF_NONE_MATCH, list))
                .andExpect(status().isNotModified());
        publish(LeadEventsMother.record(LeadEventsMother.userChanged(company, "agent-e", 2, "Esha")));
        awaitCompanyBarrier();

        assertThat(one).isNotBlank();
        assertThat(list).isNotBlank().isNotEqualTo(one);
        mvc.perform(asManager(company, "/api/customers/{id}", lead.leadId()).header(HttpHeaders.IF_NONE_MATCH, one))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.convertedByName").value("Esha"));
        mvc.perform(asManager(company, "/api/customers").header(HttpHeaders.IF_NONE_MATCH, list))
                .andExpect(status().isOk());
    }

    @Test
    void shouldSendAnUnreadableOrderEventToItsDeadLetterTopicAndKeepConsuming() throws Exception {
        String company = newCompany();
        String poisonKey = "lead-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = OrderEventsMother.record(poisonKey, "com.calliyo.order.created",
                "{\"orderId\": oops".getBytes(StandardCharsets.UTF_8));
        LeadEventsMother next = aLead().ofCompany(company);
        publish(LeadEventsMother.record(next.converted(3)));

        publish(poison);
        OrderEventsMother order = OrderEventsMother.anOrder(company, next.leadId());
        publish(OrderEventsMother.record(order.created()));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(company, "/api/customers/{id}",
                        next.leadId()))
                .andExpect(jsonPath("$.orders[*].orderId", contains(order.orderId()))));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(OrderEventTopics.ORDER_EVENTS_DLT, poisonKey);
        assertThat(dead.value()).isEqualTo(poison.value());
        assertThat(header(dead, "ce_type")).isEqualTo("com.calliyo.order.created");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(OrderEventTopics.ORDER_EVENTS);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).endsWith("OrderEventDecodingException");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("unreadable data");
    }

    private List<String> ids(String company, String param, String value) throws Exception {
        String body = mvc.perform(asManager(company, "/api/customers").param(param, value))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items[*].leadId");
    }

    private static String newCompany() {
        return "company-" + UUID.randomUUID();
    }

    private static MockHttpServletRequestBuilder asManager(String company, String path, Object... variables) {
        return MockMvcRequestBuilders.get(path, variables)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(company, Role.MANAGER));
    }

    private static MockHttpServletRequestBuilder as(String company, String userId, Role role, String path) {
        return MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(company, userId, role));
    }

    private static void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + record.key(), e);
        }
    }

    /** Every topic has one partition here: once a later marker is applied, everything published before is. */
    private void awaitLeadBarrier(String company) {
        LeadEventsMother marker = aLead().ofCompany(company + "-marker");
        publish(LeadEventsMother.record(marker.converted(1)));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(marker.companyId(), "/api/customers/{id}",
                marker.leadId())).andExpect(status().isOk()));
    }

    private void awaitOrderBarrier(String company) {
        String markerCompany = company + "-marker";
        LeadEventsMother marker = aLead().ofCompany(markerCompany);
        publish(LeadEventsMother.record(marker.converted(1)));
        OrderEventsMother order = OrderEventsMother.anOrder(markerCompany, marker.leadId());
        publish(OrderEventsMother.record(order.created()));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(markerCompany, "/api/customers/{id}",
                marker.leadId())).andExpect(jsonPath("$.orders", hasSize(1))));
    }

    private void awaitCompanyBarrier() {
        String marker = "marker-" + UUID.randomUUID();
        LeadEventsMother lead = aLead().ofCompany(marker);
        publish(LeadEventsMother.record(lead.converted(1)));
        publish(LeadEventsMother.record(LeadEventsMother.statusesChanged(marker, 1, "Marked")));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(asManager(marker, "/api/customers/{id}",
                lead.leadId())).andExpect(jsonPath("$.status.name").value("Marked")));
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key) {
        TopicPartition dlt = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(dlt));
            consumer.seekToBeginning(List.of(dlt));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
