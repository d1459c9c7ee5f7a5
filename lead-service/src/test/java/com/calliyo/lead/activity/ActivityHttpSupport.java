package com.calliyo.lead.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the activity ITs share (one Spring context): the real app over HTTP on the shared broker and store, a fresh
 * company (Asia/Kolkata) per test with its admin, and helpers to capture leads, hand them to an agent and read a
 * lead's published events back with a plain consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ActivityHttpSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    protected final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    protected MongoTemplate mongo;

    protected LeadServiceApi api;
    protected LeadServiceApi.Company company;
    protected String admin;

    @BeforeEach
    void freshCompany() {
        api = new LeadServiceApi(port);
        company = api.signUpCompany();
        admin = company.adminToken();
    }

    protected LeadServiceApi.Response send(String method, String path, String body, String token) {
        return api.send(method, path, body, token);
    }

    /** A new lead captured by the admin; its id. */
    protected String capture() {
        LeadServiceApi.Response created = send("POST", "/api/leads",
                "{\"firstName\":\"Asha\",\"phone\":\"%s\"}".formatted(uniqueMobile()), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /**
     * Hands the lead to the user straight in the store: assignment has its own endpoint and tests elsewhere; here it
     * is only a precondition.
     */
    protected void assign(String leadId, String userId) {
        mongo.getCollection("leads").updateOne(new Document("_id", leadId),
                new Document("$set", new Document("assignedTo", userId)));
    }

    protected JsonNode ok(LeadServiceApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    /** A 4xx answered as problem+json, never a stack trace; the fields its errors[] name. */
    protected List<String> problem(LeadServiceApi.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
        JsonNode errors = response.json().get("errors");
        return errors == null ? List.of() : errors.findValuesAsString("field");
    }

    /** The lead's events in publication order, once there are at least {@code expected} (and a moment for more). */
    protected List<CloudEvent> awaitEvents(String leadId, int expected) {
        List<CloudEvent> found = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LeadEventTopics.LEAD_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                collect(consumer.poll(Duration.ofMillis(200)), leadId, found);
                return found.size() >= expected;
            });
            collect(consumer.poll(Duration.ofMillis(500)), leadId, found);
        }
        return found;
    }

    private static void collect(Iterable<ConsumerRecord<String, byte[]>> records, String leadId,
                                List<CloudEvent> found) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (leadId.equals(record.key())) {
                found.add(KafkaMessageFactory.createReader(record).toEvent());
            }
        }
    }

    protected JsonNode data(CloudEvent event) {
        return json.readTree(event.getData().toBytes());
    }

    protected static String uniqueMobile() {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "+9197" + String.format("%08d", suffix);
    }
}
