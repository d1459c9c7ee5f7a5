package com.calliyo.lead.auth;

import java.util.List;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A public API key used as a Bearer token: it reaches exactly what its scopes allow, for its own company. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiKeyAccessIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    LeadServiceApi api;
    LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        api = new LeadServiceApi(port);
        company = api.signUpCompany();
    }

    @Test
    void shouldReadLeadsWithAReadScopeButNotWriteThem() {
        String key = apiKey("[\"leads:read\",\"statuses:read\"]");

        Response list = api.send("GET", "/api/leads", null, key);
        Response statuses = api.send("GET", "/api/settings/statuses", null, key);
        Response create = api.send("POST", "/api/leads", """
                {"firstName":"Asha","phone":"+919812300001"}""", key);
        Response users = api.send("GET", "/api/users", null, key);
        Response keys = api.send("GET", "/api/settings/api-keys", null, key);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(statuses.status()).as(statuses.body()).isEqualTo(200);
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(users.status()).isEqualTo(403);
        assertThat(keys.status()).isEqualTo(403);
    }

    @Test
    void shouldCaptureLeadsForItsOwnCompanyWithAWriteScope() {
        String key = apiKey("[\"leads:read\",\"leads:write\"]");
        LeadServiceApi.Company other = api.signUpCompany();

        Response created = api.send("POST", "/api/leads", """
                {"firstName":"Asha","phone":"+919812300002","source":"zoho"}""", key);
        String leadId = created.json().get("id").asString();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.send("GET", "/api/leads/" + leadId, null, company.adminToken()).status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/leads/" + leadId, null, other.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void shouldAttributeALeadCapturedWithAKeyToTheApiChannelAndTheKey() {
        String key = apiKey("[\"leads:read\",\"leads:write\"]");
        String keyId = api.send("GET", "/api/settings/api-keys", null, company.adminToken()).json()
                .get("items").get(0).get("id").asString();

        Response created = api.send("POST", "/api/leads", """
                {"firstName":"Asha","phone":"+919812300003"}""", key);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String leadId = created.json().get("id").asString();
        JsonNode lead = api.send("GET", "/api/leads/" + leadId, null, company.adminToken()).json();
        assertThat(lead.get("captureChannel").asString()).isEqualTo("API");
        assertThat(lead.get("channelRef").asString()).isEqualTo(keyId);
        TestClient client = new TestClient(port);
        List<CloudEvent> events = client.events(LeadEventTopics.LEAD_EVENTS, leadId, found -> !found.isEmpty());
        JsonNode captured = client.data(events.get(0));
        assertThat(events.get(0).getType()).isEqualTo("com.calliyo.lead.captured");
        assertThat(captured.get("captureChannel").asString()).isEqualTo("API");
        assertThat(captured.get("channelRef").asString()).isEqualTo(keyId);
        assertThat(captured.get("actorId").asString()).isEqualTo("apikey:" + keyId);
    }

    @Test
    void shouldRefuseARevokedOrUnknownKey() {
        String key = apiKey("[\"leads:read\"]");
        String keyId = api.send("GET", "/api/settings/api-keys", null, company.adminToken()).json()
                .get("items").get(0).get("id").asString();

        assertThat(api.send("DELETE", "/api/settings/api-keys/" + keyId, null, company.adminToken()).status())
                .isEqualTo(204);
        Response revoked = api.send("GET", "/api/leads", null, key);
        Response unknown = api.send("GET", "/api/leads", null, "ck_live_not-a-real-key");

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    }

    private String apiKey(String scopes) {
        Response created = api.send("POST", "/api/settings/api-keys", """
                {"name":"Zoho production","scopes":%s}""".formatted(scopes), company.adminToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }
}
