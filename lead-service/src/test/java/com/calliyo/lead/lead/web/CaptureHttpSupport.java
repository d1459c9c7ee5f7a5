package com.calliyo.lead.lead.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.calliyo.lead.caller.Role;
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

import static org.awaitility.Awaitility.await;

/**
 * What the capture, import and fuzz ITs share (so they share one Spring context): the real app over HTTP on the
 * shared broker and store, and a fresh company per test (signed up and signed in over HTTP), acting as
 * {@link #actAs(Role) any role}, so that tests never see each other's phones. Imports run in batches of
 * {@value #IMPORT_BATCH_SIZE} rows here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lead.imports.batch-size=" + CaptureHttpSupport.IMPORT_BATCH_SIZE)
@ActiveProfiles("test")
abstract class CaptureHttpSupport {

    /** Small, so that a few hundred rows cross several batches without flooding the outbox. */
    static final int IMPORT_BATCH_SIZE = 50;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected final JsonMapper json = JsonMapper.builder().build();
    protected String companyId;

    @LocalServerPort
    int port;

    @Autowired
    protected MongoTemplate mongo;

    private LeadServiceApi api;
    private LeadServiceApi.Company company;
    private String token;

    @BeforeEach
    void freshCompany() {
        api = new LeadServiceApi(port);
        company = api.signUpCompany();
        companyId = company.id();
        actAs(Role.ADMIN);
    }

    /** The request with the current user's token. */
    protected HttpRequest.Builder signedIn(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    /** Signs in as the company's admin, or as a new user with this role. */
    protected void actAs(Role role) {
        token = role == Role.ADMIN ? company.adminToken() : api.addUser(company, role.name()).token();
    }

    protected HttpResponse<String> postJson(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> patchJson(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code content} as the multipart part {@code file}, with optional header name/value pairs. */
    protected HttpResponse<String> upload(String path, byte[] content, String... headers) throws Exception {
        String boundary = "----calliyo" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 256);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> upload(String path, String csv, String... headers) throws Exception {
        return upload(path, csv.getBytes(StandardCharsets.UTF_8), headers);
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected List<String> errorFields(HttpResponse<String> response) {
        return body(response).get("errors").findValuesAsString("field");
    }

    protected long leadsOfCompany() {
        return mongo.getCollection("leads").countDocuments(new Document("companyId", companyId));
    }

    protected long leadsWithPhone(String phone) {
        return mongo.getCollection("leads").countDocuments(new Document("companyId", companyId).append("phone", phone));
    }

    /** The events published for these leads, waiting until there are {@code expected} of them (and a bit more). */
    protected List<CloudEvent> awaitEvents(Set<String> leadIds, int expected) {
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
                collect(consumer.poll(Duration.ofMillis(200)), leadIds, found);
                return found.size() >= expected;
            });
            collect(consumer.poll(Duration.ofMillis(500)), leadIds, found); // a duplicate would show up here
        }
        return found;
    }

    private static void collect(Iterable<ConsumerRecord<String, byte[]>> records, Set<String> leadIds,
                                List<CloudEvent> found) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (leadIds.contains(record.key())) {
                found.add(KafkaMessageFactory.createReader(record).toEvent());
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A valid Indian mobile number no other test uses, as +91 followed by ten digits. */
    static String uniqueMobile() {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "+9198" + String.format("%08d", suffix);
    }
}
