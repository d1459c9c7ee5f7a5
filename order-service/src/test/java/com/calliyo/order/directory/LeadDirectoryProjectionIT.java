package com.calliyo.order.directory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.LeadEventsMother;
import com.calliyo.tokencheck.testing.TestTokens;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.mongodb.client.MongoClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.calliyo.order.LeadEventsMother.AGENT;
import static com.calliyo.order.LeadEventsMother.aCompany;
import static com.calliyo.order.LeadEventsMother.aLead;
import static com.calliyo.order.LeadEventsMother.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Real CloudEvents records on the real broker, asserted through {@link LeadDirectory#find}. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LeadDirectoryProjectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String BARRIER_COMPANY = aCompany();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    MockMvc mvc;

    @Autowired
    LeadDirectory directory;

    @Autowired
    MongoClient mongoClient;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "orders");
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
    void shouldKnowACapturedLeadInItsOwnCompanyOnly() {
        String company = aCompany();
        LeadEventsMother lead = aLead(company);

        publish(lead.captured());

        LeadDirectoryEntry entry = awaitEntry(company, lead.leadId());
        assertThat(entry).isEqualTo(
                new LeadDirectoryEntry(lead.leadId(), company, 1, false, null, StatusKind.UNASSIGNED, AGENT));
        assertThat(directory.find(aCompany(), lead.leadId())).isEmpty();
        assertThat(directory.find(company, "lead-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void shouldMarkAConvertedLeadAsCustomerCreditedToTheConvertingAgent() {
        String company = aCompany();
        LeadEventsMother lead = aLead(company).assignedTo("agent-42");
        publish(lead.captured());
        publish(lead.conversion(2));
        awaitBarrier();

        assertThat(directory.find(company, lead.leadId())).contains(
                new LeadDirectoryEntry(lead.leadId(), company, 2, true, "agent-42", StatusKind.CUSTOMER, "agent-42"));
    }

    @Test
    void shouldEndInTheSameStateWhenEveryEventIsDeliveredTwice() {
        String company = aCompany();
        LeadEventsMother lead = aLead(company);
        List<LeadEvent> history = new ArrayList<>();
        history.add(lead.captured());
        history.addAll(lead.conversion(2));
        history.addAll(lead.unconversion(3));

        for (LeadEvent event : history) {
            publish(event);
            publish(event);
        }
        history.forEach(this::publish);
        awaitBarrier();

        assertThat(directory.find(company, lead.leadId())).contains(
                new LeadDirectoryEntry(lead.leadId(), company, 3, false, null, StatusKind.OTHER, AGENT));
    }

    @Test
    void shouldIgnoreAnOlderVersionThatArrivesAfterANewerOne() {
        String company = aCompany();
        LeadEventsMother unconverted = aLead(company);
        LeadEventsMother convertedFirst = aLead(company);
        publish(unconverted.captured());
        publish(unconverted.conversion(2));
        publish(unconverted.unconversion(3));
        publish(unconverted.converted(2));
        publish(convertedFirst.conversion(4));
        publish(convertedFirst.captured());
        awaitBarrier();

        assertThat(directory.find(company, unconverted.leadId())).contains(
                new LeadDirectoryEntry(unconverted.leadId(), company, 3, false, null, StatusKind.OTHER, AGENT));
        assertThat(directory.find(company, convertedFirst.leadId())).contains(
                new LeadDirectoryEntry(convertedFirst.leadId(), company, 4, true, AGENT, StatusKind.CUSTOMER, AGENT));
    }

    @Test
    void shouldRebuildTheSameDirectoryFromAShuffledReplayWithDuplicates() {
        String company = aCompany();
        List<LeadEvent> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LeadEventsMother lead = aLead(company).assignedTo("agent-" + i);
            history.add(lead.captured());
            history.add(lead.assigned(2));
            history.addAll(lead.conversion(3));
            if (i % 2 == 0) {
                history.addAll(lead.unconversion(4));
            }
        }
        MongoTemplate inOrder = new MongoTemplate(mongoClient, "rebuild-" + UUID.randomUUID());
        MongoTemplate replayed = new MongoTemplate(mongoClient, "rebuild-" + UUID.randomUUID());
        LeadDirectoryProjection original = new LeadDirectoryProjection(inOrder);
        history.forEach(original::apply);
        List<LeadEvent> replay = new ArrayList<>(history);
        replay.addAll(history);
        java.util.Collections.shuffle(replay, new java.util.Random(7));
        LeadDirectoryProjection rebuilt = new LeadDirectoryProjection(replayed);
        replay.forEach(rebuilt::apply);

        List<LeadDirectoryEntry> expected = inOrder.findAll(LeadDirectoryEntry.class);
        assertThat(expected).hasSize(5);
        assertThat(replayed.findAll(LeadDirectoryEntry.class)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).filteredOn(LeadDirectoryEntry::customer).hasSize(2);
    }

    @Test
    void shouldSendUnreadableDataToTheDeadLetterTopicAndKeepConsuming() {
        String poisonKey = "lead-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = record(poisonKey, "com.calliyo.lead.converted",
                "[1, 2".getBytes(StandardCharsets.UTF_8));
        LeadEventsMother next = aLead(aCompany());

        publish(poison);
        publish(next.captured());

        awaitEntry(next.companyId(), next.leadId());
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poisonKey);
        assertThat(dead.value()).isEqualTo(poison.value());
        assertThat(header(dead, "ce_type")).isEqualTo("com.calliyo.lead.converted");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(LeadEventTopics.LEAD_EVENTS);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo("com.calliyo.lead.events.LeadEventDecodingException");
    }

    @Test
    void shouldGuardTheApiWithTheAccessToken() throws Exception {
        mvc.perform(get("/api/orders").param("leadId", "lead-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired(aCompany())))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldStartWithHealthInfoAndPrometheusOpenWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/info"))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("application=\"order-service\"")));
    }

    private void publish(LeadEvent event) {
        publish(record(event));
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

    private LeadDirectoryEntry awaitEntry(String companyId, String leadId) {
        List<LeadDirectoryEntry> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            Optional<LeadDirectoryEntry> entry = directory.find(companyId, leadId);
            entry.ifPresent(found::add);
            return entry.isPresent();
        });
        return found.get(found.size() - 1);
    }

    /** The topic has one partition: once a later marker lead is known, everything published before is applied. */
    private void awaitBarrier() {
        LeadEventsMother marker = aLead(BARRIER_COMPANY);
        publish(marker.captured());
        awaitEntry(BARRIER_COMPANY, marker.leadId());
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
