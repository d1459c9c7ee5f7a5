package com.calliyo.lead.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

/** {@code company.user_changed} from the user documents' outbox, over HTTP on the real store and broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserEventsIT {

    private static final String USER_CHANGED = "com.calliyo.company.user_changed";

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

    @Test
    void shouldAnnounceTheFirstAdminANewAgentAndItsChangesKeyedByCompany() {
        LeadServiceApi.User agent = http.api.addUser(company, "AGENT");
        LeadServiceApi.Response renamed = http.api.send("PATCH", "/api/users/" + agent.id(),
                "{\"name\":\"Priya Sharma\",\"banned\":true}", company.adminToken());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        List<CloudEvent> events = http.events(LeadEventTopics.COMPANY_EVENTS, company.id(),
                found -> userEvents(found).size() >= 3);

        List<CloudEvent> users = userEvents(events);
        assertThat(users).extracting(CloudEvent::getSubject)
                .containsExactly(company.adminUserId(), agent.id(), agent.id());
        assertThat(users.get(0).getDataSchema().toString()).endsWith("company.user_changed/v1");
        JsonNode admin = http.data(users.get(0));
        assertThat(admin.get("companyId").asString()).isEqualTo(company.id());
        assertThat(admin.get("role").asString()).isEqualTo("ADMIN");
        assertThat(admin.get("actorId").asString()).isEqualTo(company.adminUserId());
        assertThat(admin.get("userVersion").asLong()).isEqualTo(1);
        JsonNode created = http.data(users.get(1));
        assertThat(created.get("role").asString()).isEqualTo("AGENT");
        assertThat(created.get("banned").asBoolean()).isFalse();
        JsonNode changed = http.data(users.get(2));
        assertThat(changed.get("name").asString()).isEqualTo("Priya Sharma");
        assertThat(changed.get("banned").asBoolean()).isTrue();
        assertThat(changed.get("userVersion").asLong()).isEqualTo(2);
        assertThat(changed.get("actorId").asString()).isEqualTo(company.adminUserId());
        assertThat(changed.has("email")).isFalse();
        assertThat(changed.has("passwordHash")).isFalse();
    }

    @Test
    void shouldKeepTheOutboxFieldsAndTheHashThroughAChange() {
        LeadServiceApi.User agent = http.api.addUser(company, "AGENT");
        http.api.send("PATCH", "/api/users/" + agent.id(), "{\"leadCap\":7}", company.adminToken());
        http.events(LeadEventTopics.COMPANY_EVENTS, company.id(), found -> userEvents(found).size() >= 3);

        Document stored = mongo.getCollection("users").find(new Document("_id", agent.id())).first();
        assertThat(stored.get("outboxClaims")).isNotNull();
        assertThat(stored.getString("passwordHash")).isNotBlank();
        assertThat(stored.getInteger("leadCap")).isEqualTo(7);
        assertThat(http.api.login(company.id(), agent.email())).isNotBlank(); // the password hash survived
    }

    @Test
    void shouldMoveTokensValidAfterOnARoleChangeAndABanButNotOnARename() {
        LeadServiceApi.User agent = http.api.addUser(company, "AGENT");
        for (String change : List.of("{\"name\":\"Renamed\"}", "{\"role\":\"MANAGER\"}", "{\"banned\":true}")) {
            LeadServiceApi.Response changed = http.api.send("PATCH", "/api/users/" + agent.id(), change,
                    company.adminToken());
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        }

        List<CloudEvent> events = userEvents(http.events(LeadEventTopics.COMPANY_EVENTS, company.id(),
                found -> userEvents(found).size() >= 5));

        List<Instant> validAfter = events.stream().filter(event -> event.getSubject().equals(agent.id()))
                .map(event -> Instant.parse(http.data(event).get("tokensValidAfter").asString())).toList();
        assertThat(validAfter).hasSize(4); // created, renamed, new role, banned
        // The store keeps milliseconds; the first event carries the instant before it was stored.
        assertThat(validAfter.get(1)).as("a rename keeps it")
                .isEqualTo(validAfter.get(0).truncatedTo(ChronoUnit.MILLIS));
        assertThat(validAfter.get(2)).as("a new role moves it").isAfter(validAfter.get(1));
        assertThat(validAfter.get(3)).as("a ban moves it").isAfter(validAfter.get(2));
    }

    private static List<CloudEvent> userEvents(List<CloudEvent> events) {
        return events.stream().filter(e -> e.getType().equals(USER_CHANGED)).toList();
    }
}
