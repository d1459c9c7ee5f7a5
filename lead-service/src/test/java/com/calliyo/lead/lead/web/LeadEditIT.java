package com.calliyo.lead.lead.web;

import java.util.List;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH /api/leads/{id} edits a lead's fields by the rules capture applies (same checks, trimming, tag spelling),
 * clears an optional field sent as "" (tags with []), and refuses to rewrite the captured attribution.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeadEditIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    private TestClient http;
    private LeadServiceApi.Company company;
    private String leadId;

    @BeforeEach
    void aLeadWithEveryOptionalField() {
        http = new TestClient(port);
        company = http.api.signUpCompany();
        Response created = http.send("POST", "/api/leads", """
                {"firstName":"Asha","lastName":"Rao","phone":"%s","email":"asha@example.com",
                 "tags":["VIP","Loan"],"source":"webform","campaign":"diwali"}"""
                .formatted(LeadLifecycleIT.uniqueIndianMobile()), company.adminToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        leadId = created.json().get("id").asString();
    }

    private Response patch(String body) {
        return http.send("PATCH", "/api/leads/" + leadId, body, company.adminToken());
    }

    @Test
    void shouldRefuseWhatCaptureRefusesNamingTheField() {
        assertField(patch("{\"email\":\"asha@gmail\"}"), "email");
        assertField(patch("{\"email\":\"asha.gmail.com\"}"), "email");
        assertField(patch("{\"firstName\":\"" + "A".repeat(101) + "\"}"), "firstName");
        assertField(patch("{\"firstName\":\"   \"}"), "firstName");
        assertField(patch("{\"lastName\":\"" + "R".repeat(101) + "\"}"), "lastName");
        assertField(patch("{\"tags\":[\"" + "t".repeat(51) + "\"]}"), "tags");
        assertField(patch("{\"tags\":" + manyTags(51) + "}"), "tags");
        assertField(patch("{\"tags\":\"VIP\"}"), "tags");

        assertThat(http.lead(company, leadId).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void shouldTrimLikeCapture() {
        Response edited = patch("{\"firstName\":\"  Asha K \",\"lastName\":\"  Rao  \","
                + "\"email\":\"  asha.rao+crm@mail.example.in \"}");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("firstName").asString()).isEqualTo("Asha K");
        assertThat(edited.json().get("lastName").asString()).isEqualTo("Rao");
        assertThat(edited.json().get("email").asString()).isEqualTo("asha.rao+crm@mail.example.in");
        assertThat(edited.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void shouldClearOptionalFieldsSentEmptyAndKeepThoseSentNullOrLeftOut() {
        Response kept = patch("{\"lastName\":null,\"email\":null,\"tags\":null}");
        Response cleared = patch("{\"lastName\":\"\",\"email\":\"  \",\"tags\":[]}");

        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("version").asLong()).isEqualTo(1);
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        JsonNode lead = http.lead(company, leadId);
        assertThat(lead.get("lastName").isNull()).isTrue();
        assertThat(lead.get("email").isNull()).isTrue();
        assertThat(lead.get("tags")).isEmpty();
        assertThat(lead.get("firstName").asString()).isEqualTo("Asha");
        assertThat(lead.get("version").asLong()).isEqualTo(2);
        List<CloudEvent> events = http.events(LeadEventTopics.LEAD_EVENTS, leadId, found -> found.size() >= 2);
        assertThat(events.get(1).getType()).isEqualTo("com.calliyo.lead.updated");
        JsonNode snapshot = http.data(events.get(1)).get("lead");
        assertThat(snapshot.get("email").isNull()).isTrue();
        assertThat(snapshot.get("lastName").isNull()).isTrue();
        assertThat(snapshot.get("tags")).isEmpty();
    }

    @Test
    void shouldEditTagsInTheCompanysSpelling() {
        Response edited = patch("{\"tags\":[\" vip \",\"Hot  lead\",\"hot lead\",\"\"]}");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("tags")).extracting(JsonNode::asString).containsExactly("VIP", "Hot lead");
        assertThat(http.send("GET", "/api/leads?tag=HOT%20LEAD", null, company.adminToken()).json()
                .get("total").asLong()).isEqualTo(1);
        Response same = patch("{\"tags\":[\"VIP\",\"hot lead\"]}");
        assertThat(same.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void shouldRefuseToRewriteTheAttributionOrThePhone() {
        assertField(patch("{\"source\":\"referral\"}"), "source");
        assertField(patch("{\"campaign\":\"summer\",\"firstName\":\"Asha K\"}"), "campaign");
        assertField(patch("{\"phone\":\"9876543210\"}"), "phone");
        assertField(patch("{\"assignedTo\":\"someone\",\"firstName\":\"Asha K\"}"), "assignedTo");

        JsonNode lead = http.lead(company, leadId);
        assertThat(lead.get("source").asString()).isEqualTo("webform");
        assertThat(lead.get("campaign").asString()).isEqualTo("diwali");
        assertThat(lead.get("firstName").asString()).isEqualTo("Asha");
        assertThat(lead.get("assignedTo").isNull()).isTrue();
        assertThat(lead.get("version").asLong()).isEqualTo(1);
    }

    private static String manyTags(int count) {
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            tags.append(i == 0 ? "" : ",").append("\"tag").append(i).append('"');
        }
        return tags.append(']').toString();
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.body()).isEqualTo(field);
    }
}
