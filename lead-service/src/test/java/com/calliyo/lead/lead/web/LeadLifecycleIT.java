package com.calliyo.lead.lead.web;

import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeadLifecycleIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    private LeadServiceApi api;
    private LeadServiceApi.Company company;
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldCaptureConvertAndUnconvertPublishingEventsInOrder() throws Exception {
        String phone = uniqueIndianMobile();
        HttpResponse<String> created = send("POST", "/api/leads", """
                {"firstName":"Asha","lastName":"Rao","phone":"%s","tags":["hot"],"source":"webform"}
                """.formatted(phone.substring(3)));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode lead = json.readTree(created.body());
        String leadId = lead.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/leads/" + leadId);
        assertThat(lead.get("phone").asString()).isEqualTo(phone);
        assertThat(lead.get("status").get("kind").asString()).isEqualTo("UNASSIGNED");
        assertThat(lead.get("version").asLong()).isEqualTo(1);

        JsonNode converted = json.readTree(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"customer\"}").body());
        assertThat(converted.get("status").get("name").asString()).isEqualTo("Customer");
        assertThat(converted.get("convertedAt").isNull()).isFalse();
        assertThat(converted.get("convertedBy").asString()).isEqualTo(company.adminUserId());
        assertThat(converted.get("version").asLong()).isEqualTo(2);

        JsonNode unconverted = json.readTree(
                send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Interested\"}").body());
        assertThat(unconverted.get("convertedAt").isNull()).isTrue();
        assertThat(unconverted.get("version").asLong()).isEqualTo(3);

        List<CloudEvent> events = awaitEvents(leadId, 5);
        assertThat(events).extracting(CloudEvent::getType).containsExactly(
                "com.calliyo.lead.captured",
                "com.calliyo.lead.status_changed", "com.calliyo.lead.converted",
                "com.calliyo.lead.status_changed", "com.calliyo.lead.unconverted");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getSubject()).isEqualTo(leadId);
            assertThat(event.getSource()).hasToString(LeadEventTopics.SOURCE);
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getDataSchema().toString()).endsWith("/v1");
        });
        List<Long> versions = new ArrayList<>();
        for (CloudEvent event : events) {
            versions.add(json.readTree(event.getData().toBytes()).get("leadVersion").asLong());
        }
        assertThat(versions).containsExactly(1L, 2L, 2L, 3L, 3L);
        JsonNode conversion = json.readTree(events.get(2).getData().toBytes());
        assertThat(conversion.get("convertedBy").asString()).isEqualTo(company.adminUserId());
        assertThat(conversion.get("lead").get("status").get("kind").asString()).isEqualTo("CUSTOMER");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.getCollection("leads").find(new Document("_id", leadId)).first()
                        .getList("pendingEvents", Document.class)).isEmpty());
    }

    @Test
    void shouldRejectBadInputWithTheFieldThatIsWrong() throws Exception {
        HttpResponse<String> missing = send("POST", "/api/leads", "{\"lastName\":\"Rao\",\"email\":\"not-an-email\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(missing.body()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("firstName", "phone", "email");

        HttpResponse<String> badPhone = send("POST", "/api/leads", "{\"firstName\":\"A\",\"phone\":\"12\"}");
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badPhone.body()).get("errors").get(0).get("field").asString()).isEqualTo("phone");

        HttpResponse<String> badStatus = send("POST", "/api/leads",
                "{\"firstName\":\"A\",\"phone\":\"%s\",\"status\":\"Nope\"}".formatted(uniqueIndianMobile()));
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badStatus.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("status");

        HttpResponse<String> malformed = send("POST", "/api/leads", "{\"firstName\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception")
                .contains("The request body is missing or is not valid JSON");

        HttpResponse<String> wrongType = send("POST", "/api/leads", "{\"firstName\":\"A\",\"tags\":{\"x\":1}}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongType.body()).get("errors").get(0).get("field").asString()).isEqualTo("tags");
    }

    @Test
    void shouldReportHealthyAndExposePrometheusMetrics() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null);
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", null);

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldPublishItsOpenApiDescriptionWithoutAToken() throws Exception {
        LeadServiceApi anonymous = new LeadServiceApi(port);

        LeadServiceApi.Response docs = anonymous.send("GET", "/v3/api-docs", null, null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/companies", "/api/auth/login",
                "/api/users", "/api/leads", "/api/leads/{id}", "/api/settings/statuses", "/api/settings/company");
        assertThat(docs.json().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void shouldAnswer404ForAnUnknownLead() throws Exception {
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> get = send("GET", "/api/leads/" + unknown, null);
        HttpResponse<String> patch = send("PATCH", "/api/leads/" + unknown, "{\"status\":\"Customer\"}");

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(patch.statusCode()).isEqualTo(404);
        assertThat(json.readTree(get.body()).get("detail").asString()).contains(unknown);
    }

    @Test
    void shouldNotPublishAnythingWhenTheStatusDoesNotChange() throws Exception {
        String leadId = json.readTree(send("POST", "/api/leads",
                "{\"firstName\":\"Ravi\",\"phone\":\"%s\"}".formatted(uniqueIndianMobile())).body())
                .get("id").asString();

        JsonNode same = json.readTree(send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Unassigned\"}").body());

        assertThat(same.get("version").asLong()).isEqualTo(1);
        assertThat(awaitEvents(leadId, 1)).extracting(CloudEvent::getType)
                .containsExactly("com.calliyo.lead.captured");
    }

    private List<CloudEvent> awaitEvents(String leadId, int expected) {
        List<CloudEvent> found = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LeadEventTopics.LEAD_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (leadId.equals(record.key())) {
                        found.add(KafkaMessageFactory.createReader(record).toEvent());
                    }
                }
                return found.size() >= expected;
            });
            // anything beyond the expected events would be a duplicate or a stray publication
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (leadId.equals(record.key())) {
                    found.add(KafkaMessageFactory.createReader(record).toEvent());
                }
            });
        }
        return found;
    }

    /** As the admin of this test's own company. */
    private HttpResponse<String> send(String method, String path, String body) {
        if (company == null) {
            api = new LeadServiceApi(port);
            company = api.signUpCompany();
        }
        return api.send(method, path, body, company.adminToken()).raw();
    }

    static String uniqueIndianMobile() {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "+9198" + String.format("%08d", suffix);
    }

}
