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
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Role;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.localstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

import static com.calliyo.customer.LeadEventsMother.aLead;
import static com.calliyo.customer.LeadEventsMother.call;
import static com.calliyo.customer.LeadEventsMother.followUp;
import static com.calliyo.customer.LeadEventsMother.note;
import static com.calliyo.customer.LeadEventsMother.record;
import static com.calliyo.customer.LeadEventsMother.resolved;
import static com.calliyo.customer.LeadEventsMother.statusesChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real CloudEvents records on the real broker, asserted through the HTTP API (with access tokens of
 * {@link LeadEventsMother#COMPANY} signed by the test key) and the stored view.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CustomerProjectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

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
    void shouldShowConvertedLeadWithHistoryNewestFirst() throws Exception {
        LeadEventsMother lead = aLead();
        TimelineEntry firstCall = call(Instant.parse("2026-03-02T10:00:00Z"), 95);
        TimelineEntry laterNote = note("wants the yearly plan", Instant.parse("2026-03-04T10:00:00Z"));
        TimelineEntry middleFollowUp = followUp(Instant.parse("2026-03-03T10:00:00Z"),
                Instant.parse("2026-03-04T09:00:00Z"));

        publish(lead.converted(3, firstCall, laterNote, middleFollowUp));

        awaitCustomer(lead.leadId())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.leadId").value(lead.leadId()))
                .andExpect(jsonPath("$.companyId").value(LeadEventsMother.COMPANY))
                .andExpect(jsonPath("$.firstName").value("Asha"))
                .andExpect(jsonPath("$.phone").value("+919812345678"))
                .andExpect(jsonPath("$.tags", contains("hot")))
                .andExpect(jsonPath("$.status.name").value("Customer"))
                .andExpect(jsonPath("$.status.kind").value("CUSTOMER"))
                .andExpect(jsonPath("$.source").value("webform"))
                .andExpect(jsonPath("$.campaign").value("diwali"))
                .andExpect(jsonPath("$.createdAt").value("2026-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.convertedAt").value("2026-03-05T12:00:00Z"))
                .andExpect(jsonPath("$.convertedBy").value(LeadEventsMother.AGENT))
                .andExpect(jsonPath("$.history[*].id",
                        contains(laterNote.id(), middleFollowUp.id(), firstCall.id())))
                .andExpect(jsonPath("$.history[2].type").value("CALL"))
                .andExpect(jsonPath("$.history[2].callStatus").value("CALLED"))
                .andExpect(jsonPath("$.history[2].durationSeconds").value(95))
                .andExpect(jsonPath("$.history[1].scheduledAt").value("2026-03-04T09:00:00Z"))
                .andExpect(jsonPath("$.history[0].text").value("wants the yearly plan"))
                .andExpect(jsonPath("$.orders", empty()));
    }

    @Test
    void shouldAnswerNotFoundOnceUnconverted() throws Exception {
        LeadEventsMother lead = aLead();
        publish(lead.converted(3, note("hi", Instant.parse("2026-03-02T10:00:00Z"))));
        awaitCustomer(lead.leadId());

        publish(lead.statusChanged(4, LeadEventsMother.CUSTOMER, LeadEventsMother.INTERESTED));
        publish(lead.unconverted(4));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("No customer with id " + lead.leadId())));
        Document tombstone = stored(lead.leadId());
        assertThat(tombstone.getBoolean("customer")).isFalse();
        assertThat(tombstone.getLong("version")).isEqualTo(4);
        assertThat(tombstone.get("history", Document.class)).hasSize(1);
    }

    @Test
    void shouldShowReconvertedCustomerAgainWithItsHistory() throws Exception {
        LeadEventsMother lead = aLead();
        TimelineEntry before = note("first time", Instant.parse("2026-03-02T10:00:00Z"));
        TimelineEntry between = note("while not a customer", Instant.parse("2026-03-06T10:00:00Z"));
        publish(lead.converted(3, before));
        awaitCustomer(lead.leadId());
        publish(lead.unconverted(4));
        publish(lead.noteAdded(5, between));

        publish(lead.converted(6, Instant.parse("2026-03-07T12:00:00Z"), before, between));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.convertedAt").value("2026-03-07T12:00:00Z"))
                .andExpect(jsonPath("$.history[*].id", contains(between.id(), before.id()))));
    }

    @Test
    void shouldEndInTheSameStateWhenEveryEventIsDeliveredTwice() throws Exception {
        LeadEventsMother lead = aLead();
        TimelineEntry call = call(Instant.parse("2026-03-02T10:00:00Z"), 30);
        TimelineEntry note = note("paid by card", Instant.parse("2026-03-08T10:00:00Z"));
        StatusRef renamed = new StatusRef("st-customer", "Client", StatusKind.CUSTOMER);
        List<LeadEvent> events = List.of(
                lead.converted(3, call),
                lead.noteAdded(4, note),
                lead.statusChanged(5, LeadEventsMother.CUSTOMER, renamed));

        for (LeadEvent event : events) {
            publish(event);
            publish(event);
        }
        events.forEach(this::publish);
        awaitBarrier();

        mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status.name").value("Client"))
                .andExpect(jsonPath("$.history", hasSize(2)))
                .andExpect(jsonPath("$.history[*].id", contains(note.id(), call.id())));
        assertThat(stored(lead.leadId()).getLong("version")).isEqualTo(5);
    }

    @Test
    void shouldStayHiddenWhenAnOlderConversionArrivesAfterTheUnconversion() throws Exception {
        LeadEventsMother overtaken = aLead();
        LeadEventsMother lateRepeat = aLead();

        publish(overtaken.unconverted(5));
        publish(overtaken.converted(4));
        publish(lateRepeat.converted(4));
        publish(lateRepeat.unconverted(5));
        publish(lateRepeat.converted(4));
        awaitBarrier();

        for (LeadEventsMother lead : List.of(overtaken, lateRepeat)) {
            mvc.perform(get("/api/customers/{id}", lead.leadId())).andExpect(status().isNotFound());
            Document tombstone = stored(lead.leadId());
            assertThat(tombstone.getBoolean("customer")).isFalse();
            assertThat(tombstone.getLong("version")).isEqualTo(5);
        }
    }

    @Test
    void shouldFollowAStatusRenameAndIgnoreAnOlderStatus() throws Exception {
        LeadEventsMother lead = aLead();
        publish(lead.converted(3));
        awaitCustomer(lead.leadId());

        publish(lead.statusChanged(5, LeadEventsMother.CUSTOMER,
                new StatusRef("st-customer", "Client", StatusKind.CUSTOMER)));
        publish(lead.statusChanged(4, LeadEventsMother.CUSTOMER,
                new StatusRef("st-customer", "Paying customer", StatusKind.CUSTOMER)));
        awaitBarrier();

        mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status.id").value("st-customer"))
                .andExpect(jsonPath("$.status.name").value("Client"));
    }

    @Test
    void shouldAddANoteOnceEvenWhenDeliveredTwice() throws Exception {
        LeadEventsMother lead = aLead();
        TimelineEntry note = note("renewal due in March", Instant.parse("2026-03-09T10:00:00Z"));
        publish(lead.converted(3));
        awaitCustomer(lead.leadId());

        publish(lead.noteAdded(4, note));
        publish(lead.noteAdded(4, note));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(jsonPath("$.history", hasSize(1))));
        awaitBarrier();
        mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(jsonPath("$.history", hasSize(1)))
                .andExpect(jsonPath("$.history[0].id").value(note.id()))
                .andExpect(jsonPath("$.history[0].type").value("NOTE"))
                .andExpect(jsonPath("$.history[0].text").value("renewal due in March"))
                .andExpect(jsonPath("$.history[0].actorId").value(LeadEventsMother.AGENT));
    }

    @Test
    void shouldReplaceAFollowUpWithItsResolution() throws Exception {
        LeadEventsMother lead = aLead();
        TimelineEntry scheduled = followUp(Instant.parse("2026-03-09T10:00:00Z"),
                Instant.parse("2026-03-10T10:00:00Z"));
        publish(lead.converted(3));
        publish(lead.followUpScheduled(4, scheduled));
        publish(lead.followUpResolved(5, resolved(scheduled, Instant.parse("2026-03-10T10:05:00Z"))));

        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history", hasSize(1)))
                .andExpect(jsonPath("$.history[0].id").value(scheduled.id()))
                .andExpect(jsonPath("$.history[0].resolvedAt").value("2026-03-10T10:05:00Z")));
    }

    @Test
    void shouldHideACustomerOfAnotherCompany() throws Exception {
        LeadEventsMother foreign = aLead().ofCompany("other-company");
        publish(foreign.converted(3));

        await().atMost(PATIENCE).until(() -> mongo.getCollection(CustomerView.COLLECTION)
                .find(new Document("_id", foreign.leadId())).first() != null);
        mvc.perform(get("/api/customers/{id}", foreign.leadId())).andExpect(status().isNotFound());
    }

    @Test
    void shouldNeverShowACustomerToATokenOfAnotherCompany() throws Exception {
        LeadEventsMother lead = aLead();
        publish(lead.converted(3, Instant.parse("2100-02-01T00:00:00Z")));
        awaitCustomer(lead.leadId());
        String otherCompany = "company-" + UUID.randomUUID();

        mvc.perform(asCompany(otherCompany, "/api/customers/{id}", lead.leadId())
                        .param("companyId", LeadEventsMother.COMPANY))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.companyId").doesNotExist())
                .andExpect(jsonPath("$.firstName").doesNotExist());
        mvc.perform(asCompany(otherCompany, "/api/customers").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", empty()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void shouldAnswer401ProblemWithoutATokenAndNotLeakTheCustomer() throws Exception {
        LeadEventsMother lead = aLead();
        publish(lead.converted(3));
        awaitCustomer(lead.leadId());

        mvc.perform(MockMvcRequestBuilders.get("/api/customers/{id}", lead.leadId()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.leadId").doesNotExist());
        mvc.perform(MockMvcRequestBuilders.get("/api/customers/{id}", lead.leadId())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired(LeadEventsMother.COMPANY)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldListCustomersNewestConversionFirst() throws Exception {
        LeadEventsMother older = aLead();
        LeadEventsMother newer = aLead();
        LeadEventsMother gone = aLead();
        // Far in the future, so that these are the newest conversions whatever else the shared store holds.
        publish(older.converted(3, Instant.parse("2100-01-01T00:00:00Z")));
        publish(newer.converted(3, Instant.parse("2100-01-02T00:00:00Z")));
        publish(gone.converted(3, Instant.parse("2100-01-03T00:00:00Z")));
        publish(gone.unconverted(4));
        awaitBarrier();

        mvc.perform(get("/api/customers").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].leadId", contains(newer.leadId(), older.leadId())))
                .andExpect(jsonPath("$.items[0].history").doesNotExist())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(2)));
    }

    @Test
    void shouldSendUnreadableDataToTheDeadLetterTopicAndKeepConsuming() throws Exception {
        String poisonKey = "lead-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = record(poisonKey, "com.calliyo.note.added",
                "{\"leadId\": oops".getBytes(StandardCharsets.UTF_8));
        LeadEventsMother next = aLead();

        publish(poison);
        publish(next.converted(3));

        awaitCustomer(next.leadId());
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo(poison.value());
        assertThat(header(dead, "ce_type")).isEqualTo("com.calliyo.note.added");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("unreadable data");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(LeadEventTopics.LEAD_EVENTS);
    }

    @Test
    void shouldSendARecordWithoutCloudEventsHeadersToTheDeadLetterTopic() throws Exception {
        String poisonKey = "lead-" + UUID.randomUUID();
        byte[] bytes = "{\"just\":\"json\"}".getBytes(StandardCharsets.UTF_8);
        LeadEventsMother next = aLead();

        publish(new ProducerRecord<>(LeadEventTopics.LEAD_EVENTS, poisonKey, bytes));
        publish(next.converted(3));

        awaitCustomer(next.leadId());
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo(bytes);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a CloudEvent");
    }

    @Test
    void shouldDeadLetterAnEventThatKeepsFailingAfterBoundedRetries() throws Exception {
        LeadEventsMother lead = aLead();
        TimelineEntry unusable = new TimelineEntry("note.with.dots", TimelineEntryType.NOTE,
                Instant.parse("2026-03-09T10:00:00Z"), LeadEventsMother.AGENT, "x", null, null, null, null);
        publish(lead.converted(3));
        awaitCustomer(lead.leadId());

        publish(lead.noteAdded(4, unusable));
        awaitBarrier();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(lead.leadId());
        assertThat(header(dead, "ce_type")).isEqualTo("com.calliyo.note.added");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("note.with.dots");
        mvc.perform(get("/api/customers/{id}", lead.leadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history", empty()));
    }

    @Test
    void shouldRenameTheStatusOfEveryCustomerOfTheCompanyOnStatusesChanged() throws Exception {
        String company = "company-" + UUID.randomUUID();
        LeadEventsMother first = aLead().ofCompany(company);
        LeadEventsMother second = aLead().ofCompany(company);
        LeadEventsMother elsewhere = aLead().ofCompany("company-" + UUID.randomUUID());
        publish(first.converted(3));
        publish(second.converted(3));
        publish(elsewhere.converted(3));
        awaitBarrier();

        publish(statusesChanged(company, 2, "Client"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(statusOf(first)).containsEntry("name", "Client").containsEntry("kind", "CUSTOMER");
            assertThat(statusOf(second)).containsEntry("name", "Client");
        });
        awaitCompanyBarrier();
        assertThat(statusOf(elsewhere)).as("another company's customer").containsEntry("name", "Customer");
        assertThat(stored(first.leadId()).getLong("version")).as("a rename is not a change of the lead").isEqualTo(3);
    }

    @Test
    void shouldIgnoreAnOlderPipelineVersionAndReapplyTheSameOne() throws Exception {
        String company = "company-" + UUID.randomUUID();
        LeadEventsMother lead = aLead().ofCompany(company);
        publish(lead.converted(3));
        awaitBarrier();

        publish(statusesChanged(company, 3, "Client"));
        publish(statusesChanged(company, 2, "Paying customer"));
        publish(statusesChanged(company, 3, "Client"));
        awaitCompanyBarrier();

        assertThat(statusOf(lead)).containsEntry("name", "Client");
        Document pipeline = mongo.getCollection("companies").find(new Document("_id", company)).first();
        assertThat(pipeline.getLong("pipelineVersion")).isEqualTo(3);
    }

    @Test
    void shouldShowTheNewestNameForALeadEventWrittenBeforeTheRename() throws Exception {
        String company = "company-" + UUID.randomUUID();
        LeadEventsMother lead = aLead().ofCompany(company);
        publish(statusesChanged(company, 2, "Client"));
        awaitCompanyBarrier();

        publish(lead.converted(3));
        awaitBarrier();
        assertThat(statusOf(lead)).as("the event still said Customer").containsEntry("name", "Client");

        StatusRef unknownToThePipeline = new StatusRef("st-vip", "VIP customer", StatusKind.CUSTOMER);
        publish(lead.statusChanged(4, LeadEventsMother.CUSTOMER, unknownToThePipeline));
        awaitBarrier();
        assertThat(statusOf(lead)).containsEntry("name", "VIP customer");
    }

    @Test
    void shouldSendAnUnreadableCompanyEventToItsDeadLetterTopicAndKeepConsuming() {
        String company = "company-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = LeadEventsMother.record(LeadEventTopics.COMPANY_EVENTS, company,
                "com.calliyo.company.statuses_changed", "{\"companyId\": oops".getBytes(StandardCharsets.UTF_8));

        publish(poison);
        awaitCompanyBarrier();

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(LeadEventTopics.COMPANY_EVENTS_DLT, company);
        assertThat(dead.value()).isEqualTo(poison.value());
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(LeadEventTopics.COMPANY_EVENTS);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("unreadable data");
    }

    @Test
    void shouldReportHealthInfoAndPrometheusMetricsWithoutAToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health/readiness"))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/info"))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    /** A GET as a manager of {@link LeadEventsMother#COMPANY}, the company of every lead {@code aLead()} makes. */
    private static MockHttpServletRequestBuilder get(String path, Object... variables) {
        return asCompany(LeadEventsMother.COMPANY, path, variables);
    }

    private static MockHttpServletRequestBuilder asCompany(String companyId, String path, Object... variables) {
        return MockMvcRequestBuilders.get(path, variables)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(companyId, Role.MANAGER));
    }

    private void publish(LeadEvent event) {
        publish(record(event));
    }

    private void publish(CompanyStatusesChanged event) {
        publish(LeadEventsMother.record(event));
    }

    /** The status the API shows for the customer, as a manager of its company. */
    private Map<String, Object> statusOf(LeadEventsMother lead) throws Exception {
        String body = mvc.perform(asCompany(lead.companyId(), "/api/customers/{id}", lead.leadId()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<?, ?> customer = JSON.readValue(body, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) customer.get("status");
        return status;
    }

    /** Like {@link #awaitBarrier()} for the company topic (also one partition): a marker company's pipeline. */
    private void awaitCompanyBarrier() {
        String marker = "marker-" + UUID.randomUUID();
        publish(statusesChanged(marker, 1, "Customer"));
        await().atMost(PATIENCE).until(() -> mongo.getCollection("companies")
                .find(new Document("_id", marker)).first() != null);
    }

    private void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + record.key(), e);
        }
    }

    private ResultActions awaitCustomer(String leadId) {
        List<ResultActions> found = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> found.add(
                mvc.perform(get("/api/customers/{id}", leadId)).andExpect(status().isOk())));
        return found.get(found.size() - 1);
    }

    /** The topic has one partition: once a later marker lead is visible, everything published before is applied. */
    private void awaitBarrier() {
        LeadEventsMother marker = aLead();
        publish(marker.converted(1));
        awaitCustomer(marker.leadId());
    }

    private Document stored(String leadId) {
        return mongo.getCollection(CustomerView.COLLECTION).find(new Document("_id", leadId)).first();
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return awaitDeadLetter(LeadEventTopics.LEAD_EVENTS_DLT, key);
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
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
