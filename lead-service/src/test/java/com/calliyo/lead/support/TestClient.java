package com.calliyo.lead.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A test client over {@link LeadServiceApi}: extra headers, users with a chosen lead cap, leads, statuses, and events
 * read back from the broker.
 */
public final class TestClient {

    public final LeadServiceApi api;
    public final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public TestClient(int port) {
        this.api = new LeadServiceApi(port);
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public LeadServiceApi.Response send(String method, String path, String body, String token) {
        return api.send(method, path, body, token);
    }

    public LeadServiceApi.Response send(String method, String path, String body, String token,
                                 Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new LeadServiceApi.Response(response.statusCode(), response.body(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user of the company with this role and lead cap (null: none); returns their id. */
    public String addUser(LeadServiceApi.Company company, String role, Integer leadCap) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        LeadServiceApi.Response created = send("POST", "/api/users", """
                {"name":"%s user","email":"%s","password":"%s","role":"%s","leadCap":%s}"""
                .formatted(role, email, LeadServiceApi.PASSWORD, role, leadCap), company.adminToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public String token(LeadServiceApi.Company company, String role) {
        return api.addUser(company, role).token();
    }

    public String captureLead(LeadServiceApi.Company company) {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        LeadServiceApi.Response created = send("POST", "/api/leads",
                "{\"firstName\":\"Ravi\",\"phone\":\"+9197%08d\"}".formatted(suffix), company.adminToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public JsonNode lead(LeadServiceApi.Company company, String leadId) {
        return send("GET", "/api/leads/" + leadId, null, company.adminToken()).json();
    }

    public String statusId(LeadServiceApi.Company company, String name) {
        for (JsonNode status : send("GET", "/api/settings/statuses", null, company.adminToken()).json()) {
            if (status.get("name").asString().equals(name)) {
                return status.get("id").asString();
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The events published on {@code topic} with this key, waiting until {@code done} holds for them. */
    public List<CloudEvent> events(String topic, String key, Predicate<List<CloudEvent>> done) {
        List<CloudEvent> found = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(KafkaMessageFactory.createReader(record).toEvent());
                    }
                }
                return done.test(found);
            });
        }
        return found;
    }

    public JsonNode data(CloudEvent event) {
        return json.readTree(event.getData().toBytes());
    }
}
