package com.calliyo.reporting.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.reporting.LeadEventsMother;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Caller;
import com.calliyo.reporting.facts.FactCollections;
import com.calliyo.reporting.facts.FactGenerations;
import com.calliyo.tokencheck.Role;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.calliyo.reporting.LeadEventsMother.AGENT;
import static com.calliyo.reporting.LeadEventsMother.aCompany;
import static com.calliyo.reporting.LeadEventsMother.aLead;
import static com.calliyo.reporting.LeadEventsMother.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Real CloudEvents records on the real broker, asserted through the stored facts, the metrics and the HTTP API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LeadFactProjectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The company whose token the HTTP calls of this class carry; the other tests use a company of their own. */
    private static final String HTTP_COMPANY = aCompany();
    private static final String BARRIER_COMPANY = aCompany();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Reports reports;

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
    void shouldCountOnlyLeadsThatAreCustomersNow() throws Exception {
        LeadEventsMother kept = aLead(HTTP_COMPANY).taggedWith("hot");
        LeadEventsMother undone = aLead(HTTP_COMPANY).taggedWith("hot", "2bhk");
        LeadEventsMother never = aLead(HTTP_COMPANY).taggedWith("cold");
        publish(kept.captured(), undone.captured(), never.captured());
        publish(kept.conversion(2));
        publish(undone.conversion(2));
        publish(undone.unconversion(3));
        awaitBarrier();

        mvc.perform(get("/api/reports/conversions"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.rows", empty()))
                .andExpect(jsonPath("$.total.key").value("total"))
                .andExpect(jsonPath("$.total.label").value("All leads"))
                .andExpect(jsonPath("$.total.leads").value(3))
                .andExpect(jsonPath("$.total.conversions").value(1))
                .andExpect(jsonPath("$.total.conversionRate").value(0.3333));
        mvc.perform(get("/api/reports/conversions").param("groupBy", "tag"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(3)))
                .andExpect(jsonPath("$.rows[0].key").value("hot"))
                .andExpect(jsonPath("$.rows[0].leads").value(2))
                .andExpect(jsonPath("$.rows[0].conversions").value(1))
                .andExpect(jsonPath("$.rows[0].conversionRate").value(0.5))
                .andExpect(jsonPath("$.total.leads").value(3));

        Document undoneFact = fact(undone.leadId());
        assertThat(undoneFact.getLong("version")).isEqualTo(3);
        assertThat(undoneFact.getString("statusKind")).isEqualTo("OTHER");
        assertThat(undoneFact.get("convertedAt")).isNull();
        assertThat(undoneFact.get("convertedBy")).isNull();
        Document keptFact = fact(kept.leadId());
        assertThat(keptFact.getString("statusKind")).isEqualTo("CUSTOMER");
        assertThat(keptFact.getString("convertedBy")).isEqualTo(AGENT);
        assertThat(keptFact.getDate("capturedAt").toInstant()).isEqualTo(LeadEventsMother.CAPTURED_AT);
        assertThat(keptFact.getString("companyId")).isEqualTo(HTTP_COMPANY);
    }

    @Test
    void shouldGiveTheSameNumbersWhenEveryEventIsDeliveredTwiceAndReplayed() {
        String company = aCompany();
        LeadEventsMother converted = aLead(company);
        LeadEventsMother unconverted = aLead(company);
        List<LeadEvent> history = new ArrayList<>();
        history.add(converted.captured());
        history.add(unconverted.captured());
        history.addAll(converted.conversion(2));
        history.addAll(unconverted.conversion(2));
        history.addAll(unconverted.unconversion(3));

        for (LeadEvent event : history) {
            publish(event);
            publish(event);
        }
        history.forEach(this::publish);
        awaitBarrier();

        assertThat(reports.conversions(manager(company), ReportRequest.allTime(null)).total())
                .isEqualTo(new ConversionReport.Row("total", "All leads", 2, 1, 0.5));
        assertThat(fact(converted.leadId()).getLong("version")).isEqualTo(2);
        assertThat(fact(unconverted.leadId()).getLong("version")).isEqualTo(3);
        assertThat(fact(unconverted.leadId()).getString("statusKind")).isEqualTo("OTHER");
    }

    @Test
    void shouldIgnoreAnOlderVersionThatArrivesAfterANewerOne() {
        String company = aCompany();
        LeadEventsMother overtaken = aLead(company);
        LeadEventsMother earlyConversion = aLead(company);
        publish(overtaken.captured());
        publish(overtaken.conversion(2));
        publish(overtaken.unconversion(3));
        publish(overtaken.conversion(2));
        publish(earlyConversion.conversion(4));
        publish(earlyConversion.captured());
        awaitBarrier();

        assertThat(reports.conversions(manager(company), ReportRequest.allTime(null)).total())
                .isEqualTo(new ConversionReport.Row("total", "All leads", 2, 1, 0.5));
        Document overtakenFact = fact(overtaken.leadId());
        assertThat(overtakenFact.getLong("version")).isEqualTo(3);
        assertThat(overtakenFact.getString("statusKind")).isEqualTo("OTHER");
        assertThat(overtakenFact.get("convertedBy")).isNull();
        Document earlyFact = fact(earlyConversion.leadId());
        assertThat(earlyFact.getLong("version")).isEqualTo(4);
        assertThat(earlyFact.getString("statusKind")).isEqualTo("CUSTOMER");
        assertThat(earlyFact.getString("convertedBy")).isEqualTo(AGENT);
    }

    @Test
    void shouldGroupBySourceTagCampaignAndAgent() {
        String company = aCompany();
        LeadEventsMother webHot = aLead(company).from("web").inCampaign("diwali").taggedWith("hot", "2bhk")
                .assignedTo("agent-1");
        LeadEventsMother webWarm = aLead(company).from("web").inCampaign("summer").taggedWith("hot")
                .assignedTo("agent-2");
        LeadEventsMother referral = aLead(company).from("referral").inCampaign(null).taggedWith()
                .assignedTo("agent-1");
        publish(webHot.captured(), webWarm.captured(), referral.captured());
        publish(webHot.conversion(2));
        publish(referral.conversion(2));
        publish(webWarm.assigned(2));
        awaitBarrier();

        assertThat(rows(company, GroupBy.SOURCE)).containsExactly(
                new ConversionReport.Row("web", "web", 2, 1, 0.5),
                new ConversionReport.Row("referral", "referral", 1, 1, 1.0));
        assertThat(rows(company, GroupBy.TAG)).containsExactly(
                new ConversionReport.Row("hot", "hot", 2, 1, 0.5),
                new ConversionReport.Row("2bhk", "2bhk", 1, 1, 1.0));
        assertThat(rows(company, GroupBy.CAMPAIGN)).containsExactly(
                new ConversionReport.Row("diwali", "diwali", 1, 1, 1.0),
                new ConversionReport.Row(null, "No campaign", 1, 1, 1.0),
                new ConversionReport.Row("summer", "summer", 1, 0, 0.0));
        assertThat(rows(company, GroupBy.AGENT)).containsExactly(
                new ConversionReport.Row("agent-1", "agent-1", 2, 2, 1.0),
                new ConversionReport.Row("agent-2", "agent-2", 1, 0, 0.0));
        assertThat(reports.conversions(manager(company), ReportRequest.allTime(GroupBy.TAG)).total())
                .isEqualTo(new ConversionReport.Row("total", "All leads", 3, 2, 0.6667));
    }

    @Test
    void shouldSendUnreadableDataToTheDeadLetterTopicAndKeepApplying() {
        String poisonKey = "lead-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = record(poisonKey, "com.calliyo.lead.captured",
                "{\"leadId\": oops".getBytes(StandardCharsets.UTF_8));
        LeadEventsMother next = aLead(aCompany());

        publish(poison);
        publish(next.captured());

        await().atMost(PATIENCE).until(() -> fact(next.leadId()) != null);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo(poison.value());
        assertThat(header(dead, "ce_type")).isEqualTo("com.calliyo.lead.captured");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(LeadEventTopics.LEAD_EVENTS);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo("com.calliyo.lead.events.LeadEventDecodingException");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("unreadable data");
        assertThat(fact(poisonKey)).isNull();
    }

    @Test
    void shouldSendARecordWithoutCloudEventsHeadersToTheDeadLetterTopic() {
        String poisonKey = "lead-" + UUID.randomUUID();
        byte[] bytes = "{\"just\":\"json\"}".getBytes(StandardCharsets.UTF_8);
        LeadEventsMother next = aLead(aCompany());

        publish(new ProducerRecord<>(LeadEventTopics.LEAD_EVENTS, poisonKey, bytes));
        publish(next.captured());

        await().atMost(PATIENCE).until(() -> fact(next.leadId()) != null);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo(bytes);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a CloudEvent");
    }

    @Test
    void shouldCountOnlyTheCallersCompany() throws Exception {
        String companyA = aCompany();
        String companyB = aCompany();
        LeadEventsMother ofA = aLead(companyA).from("web");
        LeadEventsMother convertedOfA = aLead(companyA).from("web");
        LeadEventsMother ofB = aLead(companyB).from("referral");
        publish(ofA.captured(), convertedOfA.captured(), ofB.captured());
        publish(convertedOfA.conversion(2));
        awaitBarrier();

        mvc.perform(asCompany(companyB, "/api/reports/conversions").param("groupBy", "source")
                        .param("companyId", companyA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].key").value("referral"))
                .andExpect(jsonPath("$.total.leads").value(1))
                .andExpect(jsonPath("$.total.conversions").value(0));
        mvc.perform(asCompany(companyA, "/api/reports/conversions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.leads").value(2))
                .andExpect(jsonPath("$.total.conversions").value(1));
        mvc.perform(asCompany(aCompany(), "/api/reports/conversions").param("groupBy", "source"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", empty()))
                .andExpect(jsonPath("$.total.leads").value(0));
    }

    @Test
    void shouldAnswer401ProblemWithoutAValidToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/reports/conversions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.total").doesNotExist());
        mvc.perform(MockMvcRequestBuilders.get("/api/reports/conversions")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.signedByAnotherKey(HTTP_COMPANY)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldExposeHealthInfoAndPrometheusWithoutAToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health/liveness"))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/info"))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }

    /** A GET as a manager of {@link #HTTP_COMPANY}. */
    private static MockHttpServletRequestBuilder get(String path) {
        return asCompany(HTTP_COMPANY, path);
    }

    private static MockHttpServletRequestBuilder asCompany(String companyId, String path) {
        return MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(companyId, Role.MANAGER));
    }

    private static Caller manager(String companyId) {
        return new Caller(companyId, "manager-1", Role.MANAGER);
    }

    private List<ConversionReport.Row> rows(String company, GroupBy group) {
        return reports.conversions(manager(company), ReportRequest.allTime(group)).rows();
    }

    private void publish(LeadEvent... events) {
        for (LeadEvent event : events) {
            publish(record(event));
        }
    }

    private void publish(List<LeadEvent> events) {
        events.forEach(this::publish);
    }

    private void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + record.key(), e);
        }
    }

    /** The topic has one partition: once a later marker lead is stored, everything published before is applied. */
    /**
     * Every event published before is applied once the marker's fact is stored and the write that stored it has
     * ended: a poll's facts go in one bulk write, which the driver sends as an insert command then an update command,
     * so the marker (an insert) can be visible before an older lead's replace in the same poll.
     */
    private void awaitBarrier() {
        LeadEventsMother marker = aLead(BARRIER_COMPANY);
        publish(marker.captured());
        FactGenerations generations = new FactGenerations(mongo);
        await().atMost(PATIENCE).until(() -> fact(marker.leadId()) != null
                && generations.read(BARRIER_COMPANY).settled());
    }

    private Document fact(String leadId) {
        return mongo.getCollection(FactCollections.LEADS).find(new Document("_id", leadId)).first();
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        TopicPartition dlt = new TopicPartition(LeadEventTopics.LEAD_EVENTS_DLT, 0);
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
