package com.calliyo.lead.webhook;

import java.io.IOException;
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

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.web.ApiException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Webhook keys and inbound lead posts over real HTTP, on the real store and broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebhookIT {

    private static final String KEYS = "/api/settings/webhook-keys";
    private static final String ALLOWED_ORIGIN = "https://www.example.com";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    WebhookKeyService keyService;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private LeadServiceApi api;
    private LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        api = new LeadServiceApi(port);
        company = api.signUpCompany();
    }

    @Test
    void shouldCaptureAPostedLeadWithTheKeysDefaultStatusAndTagsAndPublishIt() {
        Response created = admin("POST", KEYS, """
                {"name":"Landing page","allowedDomains":["*.Example.com"],"honeypotField":"company_url",
                 "defaultStatus":"interested","defaultTags":["fb","landing"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        JsonNode key = created.json();
        String keyId = key.get("id").asString();
        String token = key.get("token").asString();
        assertThat(token).startsWith("wh_live_");
        assertThat(key.get("url").asString()).isEqualTo("/api/webhooks/leads/" + keyId);
        assertThat(key.get("allowedDomains").toString()).isEqualTo("[\"*.example.com\"]");
        assertThat(key.get("honeypotField").asString()).isEqualTo("company_url");
        assertThat(key.get("defaultStatus").get("name").asString()).isEqualTo("Interested");
        assertThat(key.get("defaultTags").toString()).isEqualTo("[\"fb\",\"landing\"]");
        assertThat(key.get("createdAt").isNull()).isFalse();
        String phone = uniqueIndianMobile();

        HttpResponse<String> posted = post(keyId, token, Map.of("Origin", ALLOWED_ORIGIN), """
                {"name":"Asha Devi Rao","phone":"%s","email":"asha@example.com","company_url":"",
                 "message":"Call me after 6","tags":["ignored"]}""".formatted(phone.substring(3)));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String leadId = json.readTree(posted.body()).get("leadId").asString();
        JsonNode lead = admin("GET", "/api/leads/" + leadId, null).json();
        assertThat(lead.get("firstName").asString()).isEqualTo("Asha");
        assertThat(lead.get("lastName").asString()).isEqualTo("Devi Rao");
        assertThat(lead.get("phone").asString()).isEqualTo(phone);
        assertThat(lead.get("email").asString()).isEqualTo("asha@example.com");
        assertThat(lead.get("status").get("name").asString()).isEqualTo("Interested");
        assertThat(lead.get("tags").toString()).isEqualTo("[\"fb\",\"landing\"]");
        CloudEvent captured = awaitEvent(leadId);
        assertThat(captured.getType()).isEqualTo("com.calliyo.lead.captured");
        JsonNode data = json.readTree(captured.getData().toBytes());
        assertThat(data.get("companyId").asString()).isEqualTo(company.id());
        assertThat(data.get("actorId").asString()).isEqualTo("webhook:" + keyId);
        assertThat(data.get("captureChannel").asString()).isEqualTo("WEBHOOK");
        assertThat(data.get("channelRef").asString()).isEqualTo(keyId);
        assertThat(data.get("lead").get("tags").toString()).isEqualTo("[\"fb\",\"landing\"]");
    }

    @Test
    void shouldListKeysWithoutTheirTokens() {
        JsonNode key = createKey("{\"name\":\"Zapier\"}");

        Response listed = admin("GET", KEYS, null);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(key.get("token").asString()).doesNotContain("\"token\"")
                .doesNotContain("tokenHash");
        JsonNode item = listed.json().get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo(key.get("id").asString());
        assertThat(item.get("url").asString()).isEqualTo(key.get("url").asString());
        assertThat(item.get("allowedDomains").isEmpty()).isTrue();
        assertThat(item.get("defaultStatus").get("kind").asString()).isEqualTo("UNASSIGNED");
        assertThat(listed.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void shouldAnswer401AlikeForAMissingOrWrongTokenAndAnUnknownKey() {
        JsonNode key = createKey("{\"name\":\"Zapier\"}");
        String keyId = key.get("id").asString();
        String body = leadBody(uniqueIndianMobile());

        List<HttpResponse<String>> answers = List.of(
                post(keyId, null, Map.of(), body),
                post(keyId, "wh_live_wrong", Map.of(), body),
                post(keyId, key.get("token").asString() + "x", Map.of(), body),
                post(UUID.randomUUID().toString(), key.get("token").asString(), Map.of(), body));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        });
        assertThat(answers).extracting(answer -> json.readTree(answer.body()).get("detail").asString())
                .containsOnly("Send the key's token in the X-Webhook-Token header");
    }

    @Test
    void shouldStopTheOldTokenOnRegenerateAndEveryTokenOnRevoke() {
        JsonNode key = createKey("{\"name\":\"Zapier\"}");
        String keyId = key.get("id").asString();

        Response regenerated = admin("POST", KEYS + "/" + keyId + "/token", null);
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        String newToken = regenerated.json().get("token").asString();
        assertThat(newToken).startsWith("wh_live_").isNotEqualTo(key.get("token").asString());
        assertThat(post(keyId, key.get("token").asString(), Map.of(), leadBody(uniqueIndianMobile())).statusCode())
                .isEqualTo(401);
        assertThat(post(keyId, newToken, Map.of(), leadBody(uniqueIndianMobile())).statusCode()).isEqualTo(201);

        assertThat(admin("DELETE", KEYS + "/" + keyId, null).status()).isEqualTo(204);
        assertThat(post(keyId, newToken, Map.of(), leadBody(uniqueIndianMobile())).statusCode()).isEqualTo(401);
        assertThat(admin("GET", KEYS, null).json().get("total").asLong()).isZero();
        assertThat(admin("DELETE", KEYS + "/" + keyId, null).status()).isEqualTo(404);
        assertThat(admin("POST", KEYS + "/" + keyId + "/token", null).status()).isEqualTo(404);
    }

    @Test
    void shouldAcceptOnlyAllowedOrigins() {
        JsonNode key = createKey("{\"name\":\"Landing\",\"allowedDomains\":[\"*.example.com\",\"partner.test\"]}");
        String keyId = key.get("id").asString();
        String token = key.get("token").asString();

        assertThat(post(keyId, token, Map.of("Origin", "https://shop.example.com:8443"),
                leadBody(uniqueIndianMobile())).statusCode()).isEqualTo(201);
        assertThat(post(keyId, token, Map.of("Referer", "https://partner.test/form?x=1"),
                leadBody(uniqueIndianMobile())).statusCode()).isEqualTo(201);
        for (Map<String, String> headers : List.of(Map.of("Origin", "https://evil-example.com"),
                Map.of("Origin", "https://www.example.com.evil.test"), Map.of("Origin", "https://example.com"),
                Map.of("Origin", "null", "Referer", ALLOWED_ORIGIN + "/"),
                Map.of("Referer", "https://example.com@evil.test/"), Map.<String, String>of())) {
            String phone = uniqueIndianMobile();
            HttpResponse<String> refused = post(keyId, token, headers, leadBody(phone));
            assertThat(refused.statusCode()).as(headers.toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(leadsWithPhone(phone)).isZero();
        }
    }

    @Test
    void shouldAcceptAnyOriginWhenNoDomainIsListed() {
        JsonNode key = createKey("{\"name\":\"Server to server\",\"allowedDomains\":[]}");

        HttpResponse<String> posted = post(key.get("id").asString(), key.get("token").asString(),
                Map.of("Origin", "https://anywhere.test"), leadBody(uniqueIndianMobile()));

        assertThat(posted.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldDropAHoneypotHitWithoutCreatingAnything() {
        JsonNode key = createKey("{\"name\":\"Landing\",\"honeypotField\":\"company_url\"}");
        String phone = uniqueIndianMobile();

        HttpResponse<String> dropped = post(key.get("id").asString(), key.get("token").asString(), Map.of(), """
                {"name":"Spam Bot","phone":"%s","company_url":"https://spam.test"}""".formatted(phone));

        assertThat(dropped.statusCode()).isEqualTo(202);
        assertThat(dropped.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(leadsWithPhone(phone)).isZero();
    }

    @Test
    void shouldAnswerADuplicatePhoneLikeANewLeadAndNoteTheSubmissionOnTheExistingLead() {
        JsonNode key = createKey("{\"name\":\"Landing\"}");
        String phone = uniqueIndianMobile();
        HttpResponse<String> first = post(key.get("id").asString(), key.get("token").asString(), Map.of(),
                leadBody(phone));
        String existingLeadId = json.readTree(first.body()).get("leadId").asString();

        HttpResponse<String> again = post(key.get("id").asString(), key.get("token").asString(), Map.of(),
                leadBody("0" + phone.substring(3)));

        // a token holder must not be able to tell a known phone from a new one
        assertThat(again.statusCode()).as(again.body()).isEqualTo(first.statusCode());
        assertThat(again.body()).doesNotContain(existingLeadId);
        JsonNode answer = json.readTree(again.body());
        assertThat(answer.propertyNames()).containsExactly("leadId");
        String reference = answer.get("leadId").asString();
        assertThat(reference).isNotBlank().isNotEqualTo(existingLeadId)
                .hasSameSizeAs(existingLeadId);
        assertThat(admin("GET", "/api/leads/" + reference, null).status()).isEqualTo(404);
        assertThat(leadsWithPhone(phone)).isEqualTo(1);
        JsonNode notes = admin("GET", "/api/leads/" + existingLeadId + "/notes", null).json().get("items");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("text").asString()).isEqualTo("Submitted again through web form Landing");
        assertThat(notes.get(0).get("actorId").asString()).isEqualTo("webhook:" + key.get("id").asString());
        List<CloudEvent> events = awaitEvents(existingLeadId, 2);
        assertThat(events).extracting(CloudEvent::getType)
                .containsExactly("com.calliyo.lead.captured", "com.calliyo.note.added");
        JsonNode noted = json.readTree(events.get(1).getData().toBytes());
        assertThat(noted.get("note").get("text").asString()).isEqualTo("Submitted again through web form Landing");
        assertThat(noted.get("leadVersion").asLong()).isEqualTo(2);
    }

    @Test
    void shouldKeepThePostedSourceAndCampaignTrimmed() {
        JsonNode key = createKey("{\"name\":\"Landing\",\"defaultTags\":[\"fb\"]}");
        String keyId = key.get("id").asString();
        String token = key.get("token").asString();

        HttpResponse<String> posted = post(keyId, token, Map.of(), """
                {"name":"Asha","phone":"%s","source":"  facebook ","campaign":" diwali-2026\\t"}"""
                .formatted(uniqueIndianMobile()));
        HttpResponse<String> without = post(keyId, token, Map.of(), leadBody(uniqueIndianMobile()));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode lead = admin("GET", "/api/leads/" + json.readTree(posted.body()).get("leadId").asString(), null)
                .json();
        assertThat(lead.get("source").asString()).isEqualTo("facebook");
        assertThat(lead.get("campaign").asString()).isEqualTo("diwali-2026");
        assertThat(lead.get("tags").toString()).isEqualTo("[\"fb\"]");
        JsonNode plain = admin("GET", "/api/leads/" + json.readTree(without.body()).get("leadId").asString(), null)
                .json();
        assertThat(plain.get("source").isNull()).isTrue();
        assertThat(plain.get("campaign").isNull()).isTrue();
        assertThat(badField(post(keyId, token, Map.of(), """
                {"name":"Asha","phone":"9876543210","source":"%s"}""".formatted("s".repeat(101)))))
                .isEqualTo("source");
        assertThat(badField(post(keyId, token, Map.of(), """
                {"name":"Asha","phone":"9876543210","campaign":"%s"}""".formatted("c".repeat(101)))))
                .isEqualTo("campaign");
        assertThat(badField(post(keyId, token, Map.of(), """
                {"name":"Asha","phone":"9876543210","source":42}"""))).isEqualTo("source");
    }

    @Test
    void shouldAnswerARetriedPostWithTheSameIdempotencyKeyWithTheFirstLead() {
        JsonNode key = createKey("{\"name\":\"Landing\"}");
        String keyId = key.get("id").asString();
        String token = key.get("token").asString();
        String phone = uniqueIndianMobile();
        Map<String, String> retry = Map.of("Idempotency-Key", "form-submit-" + phone);

        HttpResponse<String> first = post(keyId, token, retry, leadBody(phone));
        HttpResponse<String> again = post(keyId, token, retry, leadBody(phone));
        HttpResponse<String> reformatted = post(keyId, token, retry,
                "{ \"phone\" : \"%s\",\n  \"name\" : \"Ravi Kumar\" }".formatted(phone));
        HttpResponse<String> otherBody = post(keyId, token, retry, leadBody(uniqueIndianMobile()));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(reformatted.statusCode()).as(reformatted.body()).isEqualTo(201);
        assertThat(reformatted.body()).isEqualTo(first.body());
        assertThat(otherBody.statusCode()).isEqualTo(409);
        assertThat(leadsWithPhone(phone)).isEqualTo(1);
    }

    @Test
    void shouldNameTheFieldOfABadPost() {
        JsonNode key = createKey("{\"name\":\"Landing\"}");
        String keyId = key.get("id").asString();
        String token = key.get("token").asString();

        assertThat(badField(post(keyId, token, Map.of(), "{\"phone\":\"9876543210\"}"))).isEqualTo("name");
        assertThat(badField(post(keyId, token, Map.of(), "{\"name\":\" \",\"phone\":\"9876543210\"}")))
                .isEqualTo("name");
        assertThat(badField(post(keyId, token, Map.of(), "{\"name\":\"Asha\"}"))).isEqualTo("phone");
        assertThat(badField(post(keyId, token, Map.of(), "{\"name\":\"Asha\",\"phone\":\"12\"}"))).isEqualTo("phone");
        assertThat(badField(post(keyId, token, Map.of(),
                "{\"name\":\"Asha\",\"phone\":\"9876543210\",\"email\":\"nope\"}"))).isEqualTo("email");
        assertThat(badField(post(keyId, token, Map.of(), "{\"name\":"))).isEqualTo("body");
        assertThat(badField(post(keyId, token, Map.of(), "[1,2]"))).isEqualTo("body");
        assertThat(badField(post(keyId, token, Map.of(), ""))).isEqualTo("body");
        HttpResponse<String> huge = post(keyId, token, Map.of(),
                "{\"name\":\"Asha\",\"phone\":\"9876543210\",\"note\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldValidateNewKeysNamingTheField() {
        assertThat(badField(admin("POST", KEYS, "{\"allowedDomains\":[]}").raw())).isEqualTo("name");
        assertThat(badField(admin("POST", KEYS,
                "{\"name\":\"L\",\"allowedDomains\":[\"example.com\",\"https://example.com\"]}").raw()))
                .isEqualTo("allowedDomains[1]");
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"L\",\"defaultStatus\":\"Nope\"}").raw()))
                .isEqualTo("defaultStatus");
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"L\",\"honeypotField\":\"phone\"}").raw()))
                .isEqualTo("honeypotField");
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"L\",\"defaultTags\":[\"ok\",\" \"]}").raw()))
                .isEqualTo("defaultTags[1]");
        assertThat(admin("GET", KEYS, null).json().get("total").asLong()).isZero();
    }

    @Test
    void shouldHideOtherCompaniesKeys() {
        String foreignKeyId = createKey("{\"name\":\"Ours\"}").get("id").asString();
        LeadServiceApi.Company other = api.signUpCompany();

        assertThat(api.send("DELETE", KEYS + "/" + foreignKeyId, null, other.adminToken()).status()).isEqualTo(404);
        assertThat(api.send("POST", KEYS + "/" + foreignKeyId + "/token", null, other.adminToken()).status())
                .isEqualTo(404);
        assertThat(api.send("GET", KEYS, null, other.adminToken()).json().get("total").asLong()).isZero();
        assertThat(admin("GET", KEYS, null).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyAdminsManageKeys() {
        String keyId = createKey("{\"name\":\"Landing\"}").get("id").asString();
        for (String role : List.of("MANAGER", "AGENT")) {
            String token = api.addUser(company, role).token();
            assertThat(api.send("POST", KEYS, "{\"name\":\"Mine\"}", token).status()).as(role).isEqualTo(403);
            assertThat(api.send("GET", KEYS, null, token).status()).as(role).isEqualTo(403);
            assertThat(api.send("POST", KEYS + "/" + keyId + "/token", null, token).status()).as(role).isEqualTo(403);
            assertThat(api.send("DELETE", KEYS + "/" + keyId, null, token).status()).as(role).isEqualTo(403);
        }
        // the service refuses too, whatever the URL rules in front of it say
        assertThatThrownBy(() -> keyService.revoke(new Caller(company.id(), "m-1", Role.MANAGER), keyId))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        assertThat(admin("GET", KEYS, null).json().get("total").asLong()).isEqualTo(1);
    }

    private JsonNode createKey(String body) {
        Response created = admin("POST", KEYS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Response admin(String method, String path, String body) {
        return api.send(method, path, body, company.adminToken());
    }

    private HttpResponse<String> post(String keyId, String token, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/webhooks/leads/" + keyId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("X-Webhook-Token", token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String badField(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return json.readTree(response.body()).get("errors").get(0).get("field").asString();
    }

    private long leadsWithPhone(String phone) {
        return mongo.getCollection("leads").countDocuments(new Document("companyId", company.id())
                .append("phone", phone));
    }

    private static String leadBody(String phone) {
        return "{\"name\":\"Ravi Kumar\",\"phone\":\"%s\"}".formatted(phone);
    }

    private static String uniqueIndianMobile() {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "+9198" + String.format("%08d", suffix);
    }

    private CloudEvent awaitEvent(String leadId) {
        return awaitEvents(leadId, 1).get(0);
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
        }
        return found;
    }
}
