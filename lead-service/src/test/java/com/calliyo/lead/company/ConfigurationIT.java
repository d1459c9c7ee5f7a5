package com.calliyo.lead.company;

import java.util.List;
import java.util.Map;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
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

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConfigurationIT {

    private static final String PATH = "/api/settings/configuration";
    private static final String SETTINGS_CHANGED = "com.calliyo.company.settings_changed";
    private static final Map<String, String> CONFIRMED = Map.of("X-Confirm-Password", LeadServiceApi.PASSWORD);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestClient http;
    private LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        http = new TestClient(port);
        company = http.api.signUpCompany();
    }

    private String body(String statusId, String runAt, int afterDays) {
        return """
                {"dailyCallTarget":120,"showCustomerTo":"AGENT_ONLY",
                 "autoAssignment":{"enabled":true,"statuses":["%s"],"runAt":"%s"},
                 "topUp":{"enabled":true,"runAt":"08:30"},
                 "staleLeads":{"enabled":true,"afterDays":%d},
                 "orderModule":{"enabled":false}}""".formatted(statusId, runAt, afterDays);
    }

    @Test
    void shouldShowTheDefaultsToAdminsOnly() {
        LeadServiceApi.Response defaults = http.api.send("GET", PATH, null, company.adminToken());
        LeadServiceApi.Response manager = http.api.send("GET", PATH, null,
                http.api.addUser(company, "MANAGER").token());

        assertThat(defaults.status()).isEqualTo(200);
        JsonNode json = defaults.json();
        assertThat(json.get("dailyCallTarget").asInt()).isEqualTo(50);
        assertThat(json.get("showCustomerTo").asString()).isEqualTo("ALL");
        assertThat(json.get("autoAssignment").get("runAt").asString()).isEqualTo("09:00");
        assertThat(json.get("autoAssignment").get("enabled").asBoolean()).isFalse();
        assertThat(json.get("topUp").get("runAt").asString()).isEqualTo("08:00");
        assertThat(json.get("staleLeads").get("afterDays").asInt()).isEqualTo(30);
        assertThat(json.get("orderModule").get("enabled").asBoolean()).isTrue();
        assertThat(manager.status()).isEqualTo(403);
    }

    @Test
    void shouldNeedThePasswordToChangeIt() {
        String statusId = http.statusId(company, "Not Picked");

        LeadServiceApi.Response none = http.send("PUT", PATH, body(statusId, "07:45", 10), company.adminToken(),
                Map.of());
        LeadServiceApi.Response wrong = http.send("PUT", PATH, body(statusId, "07:45", 10), company.adminToken(),
                Map.of("X-Confirm-Password", "not my password"));

        assertThat(none.status()).isEqualTo(403);
        assertThat(none.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(none.json().get("detail").asString()).contains("X-Confirm-Password");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(http.api.send("GET", PATH, null, company.adminToken()).json().get("dailyCallTarget").asInt())
                .isEqualTo(50);
    }

    @Test
    void shouldStoreTheChangeAndPublishSettingsChangedKeyedByCompany() {
        String statusId = http.statusId(company, "Not Picked");

        LeadServiceApi.Response changed = http.send("PUT", PATH, body(statusId, "07:45", 10), company.adminToken(),
                CONFIRMED);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode stored = http.api.send("GET", PATH, null, company.adminToken()).json();
        assertThat(stored.get("autoAssignment").get("statuses").get(0).asString()).isEqualTo(statusId);
        assertThat(stored.get("autoAssignment").get("runAt").asString()).isEqualTo("07:45");
        assertThat(stored.get("topUp").get("enabled").asBoolean()).isTrue();
        assertThat(stored.get("orderModule").get("enabled").asBoolean()).isFalse();
        List<CloudEvent> events = http.events(LeadEventTopics.COMPANY_EVENTS, company.id(),
                found -> settingsVersions(found).contains(2L));
        CloudEvent event = events.stream().filter(e -> e.getType().equals(SETTINGS_CHANGED)
                && http.data(e).get("settingsVersion").asLong() == 2).findFirst().orElseThrow();
        assertThat(event.getSubject()).isEqualTo(company.id());
        assertThat(event.getDataSchema().toString()).endsWith("company.settings_changed/v1");
        JsonNode data = http.data(event);
        assertThat(data.get("settingsVersion").asLong()).isEqualTo(2);
        assertThat(data.get("actorId").asString()).isEqualTo(company.adminUserId());
        assertThat(data.get("timezone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(data.get("showCustomerTo").asString()).isEqualTo("AGENT_ONLY");
        assertThat(data.get("orderModuleEnabled").asBoolean()).isFalse();
        assertThat(data.get("dailyCallTarget").asInt()).isEqualTo(120);
        assertThat(data.get("statuses")).hasSize(10);
    }

    @Test
    void shouldGrowTheSettingsVersionAndKeepTheOutboxThroughAProfileChange() {
        String statusId = http.statusId(company, "Not Picked");
        http.send("PUT", PATH, body(statusId, "07:45", 10), company.adminToken(), CONFIRMED);
        http.api.send("PUT", "/api/settings/company",
                "{\"companyName\":\"Renamed\",\"timezone\":\"Asia/Kolkata\"}", company.adminToken());
        http.send("PUT", PATH, body(statusId, "06:00", 10), company.adminToken(), CONFIRMED);
        http.send("PUT", PATH, body(statusId, "06:00", 10), company.adminToken(), CONFIRMED); // no change

        List<CloudEvent> events = http.events(LeadEventTopics.COMPANY_EVENTS, company.id(),
                found -> settingsVersions(found).size() >= 4);

        // 1 at sign-up, 2 the configuration, 3 the profile (it carries the timezone and GSTIN), 4 the configuration
        assertThat(settingsVersions(events)).containsExactly(1L, 2L, 3L, 4L);
        Document stored = mongo.getCollection("companies").find(new Document("_id", company.id())).first();
        assertThat(stored.getString("name")).isEqualTo("Renamed");
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(4);
    }

    @Test
    void shouldAnnounceTheDefaultsAtSignUpAndTheGstinOfAProfileChange() {
        LeadServiceApi.Response profile = http.api.send("PUT", "/api/settings/company",
                "{\"companyName\":\"Acme\",\"timezone\":\"Asia/Kolkata\",\"gstin\":\"29aagcb7383j1z4\"}",
                company.adminToken());

        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        List<JsonNode> settings = http.events(LeadEventTopics.COMPANY_EVENTS, company.id(),
                        found -> settingsVersions(found).size() >= 2).stream()
                .filter(e -> e.getType().equals(SETTINGS_CHANGED)).map(http::data).toList();
        JsonNode atSignUp = settings.get(0);
        assertThat(atSignUp.get("settingsVersion").asLong()).isEqualTo(1);
        assertThat(atSignUp.get("actorId").asString()).isEqualTo(company.adminUserId());
        assertThat(atSignUp.get("showCustomerTo").asString()).isEqualTo("ALL");
        assertThat(atSignUp.get("orderModuleEnabled").asBoolean()).isTrue();
        assertThat(atSignUp.get("gstin").isNull()).isTrue();
        assertThat(atSignUp.get("statuses")).hasSize(10);
        JsonNode afterProfile = settings.get(1);
        assertThat(afterProfile.get("settingsVersion").asLong()).isEqualTo(2);
        assertThat(afterProfile.get("gstin").asString()).isEqualTo("29AAGCB7383J1Z4");
    }

    private List<Long> settingsVersions(List<CloudEvent> events) {
        return events.stream().filter(e -> e.getType().equals(SETTINGS_CHANGED))
                .map(e -> http.data(e).get("settingsVersion").asLong()).toList();
    }

    @Test
    void shouldForgetADeletedStatusSoTheSavedConfigurationCanBePutAgain() {
        LeadServiceApi.Response added = http.api.send("POST", "/api/settings/statuses", "{\"name\":\"Hot\"}",
                company.adminToken());
        String hot = added.json().get("id").asString();
        String notPicked = http.statusId(company, "Not Picked");
        String saved = body(hot, "07:45", 10).replace("\"" + hot + "\"", "\"" + hot + "\",\"" + notPicked + "\"");
        assertThat(http.send("PUT", PATH, saved, company.adminToken(), CONFIRMED).status()).isEqualTo(200);
        assertThat(http.api.send("DELETE", "/api/settings/statuses/" + hot, null, company.adminToken()).status())
                .isEqualTo(204);

        JsonNode shown = http.api.send("GET", PATH, null, company.adminToken()).json();
        LeadServiceApi.Response savedAgain = http.send("PUT", PATH, saved, company.adminToken(), CONFIRMED);
        LeadServiceApi.Response shownAgain = http.send("PUT", PATH, shown.toString(), company.adminToken(),
                CONFIRMED);

        assertThat(shown.get("autoAssignment").get("statuses")).extracting(JsonNode::asString)
                .containsExactly(notPicked);
        assertThat(savedAgain.status()).as(savedAgain.body()).isEqualTo(200);
        assertThat(savedAgain.json().get("autoAssignment").get("statuses")).extracting(JsonNode::asString)
                .containsExactly(notPicked);
        assertThat(shownAgain.status()).as(shownAgain.body()).isEqualTo(200);
        assertThat(http.send("PUT", PATH, body("never-a-status", "07:45", 10), company.adminToken(), CONFIRMED)
                .status()).isEqualTo(400);
    }

    @Test
    void shouldNameTheInvalidFields() {
        String customer = http.statusId(company, "Customer");

        LeadServiceApi.Response invalid = http.send("PUT", PATH, body(customer, "9am", 0), company.adminToken(),
                CONFIRMED);
        LeadServiceApi.Response unknownStatus = http.send("PUT", PATH, body("nope", "09:00", 5),
                company.adminToken(), CONFIRMED);
        LeadServiceApi.Response malformed = http.send("PUT", PATH, "{\"dailyCallTarget\":", company.adminToken(),
                CONFIRMED);
        LeadServiceApi.Response wrongType = http.send("PUT", PATH, "{\"dailyCallTarget\":\"lots\"}",
                company.adminToken(), CONFIRMED);
        LeadServiceApi.Response empty = http.send("PUT", PATH, "{}", company.adminToken(), CONFIRMED);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "autoAssignment.statuses[0]", "autoAssignment.runAt", "staleLeads.afterDays");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.json().get("errors").get(0).get("field").asString())
                .isEqualTo("autoAssignment.statuses[0]");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("dailyCallTarget");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).isEqualTo("application/problem+json");
    }
}
