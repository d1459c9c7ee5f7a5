package com.calliyo.lead.mobile;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.support.ShiftedClock;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone's day over real HTTP: reminders with their alarms and ETags (the clock moved past an alarm), the
 * dashboard, and a lead's ETag with If-None-Match and If-Match (two devices editing one lead). Follow-ups are set
 * minutes to an hour ahead and must fall on the company's today, so the company lives in a zone where it is now
 * between noon and one o'clock ({@link #zoneAtMidday()}): in Asia/Kolkata a run late in the evening (UTC) failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ShiftedClock.Installed.class)
class AgentDayIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    ShiftedClock clock;

    TestClient http;
    LeadServiceApi.Company company;
    LeadServiceApi.User agent;
    String leadId;

    @BeforeEach
    void agentWithALead() {
        http = new TestClient(port);
        company = http.api.signUpCompany(zoneAtMidday());
        agent = http.api.addUser(company, "AGENT");
        leadId = http.captureLead(company);
        Response assigned = http.send("PUT", "/api/leads/" + leadId + "/assignee",
                "{\"agentId\":\"%s\"}".formatted(agent.id()), company.adminToken());
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldListTodaysFollowUpsWithTheAlarmsStillAheadAndAnswer304UntilOneGoesBy() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant near = now.plus(Duration.ofMinutes(2));
        Instant later = now.plus(Duration.ofMinutes(10));
        followUp(later);
        followUp(near);

        Response first = reminders(null);
        Response again = reminders(first.header("ETag"));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode items = first.json().get("followUps");
        assertThat(items).hasSize(2);
        assertThat(Instant.parse(items.get(0).get("scheduledAt").asString())).isEqualTo(near);
        assertThat(items.get(0).get("leadName").asString()).isEqualTo("Ravi");
        assertThat(items.get(0).get("phone").asString()).startsWith("+9197");
        assertThat(items.get(0).get("alarms")).extracting(JsonNode::asString)
                .containsExactly(near.minusSeconds(30).toString());
        assertThat(items.get(1).get("alarms")).extracting(JsonNode::asString)
                .containsExactly(later.minus(Duration.ofMinutes(5)).toString(), later.minusSeconds(30).toString());
        assertThat(first.header("ETag")).isNotBlank();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        clock.shift = Duration.ofMinutes(2);
        Response afterAlarm = reminders(first.header("ETag"));

        assertThat(afterAlarm.status()).isEqualTo(200);
        assertThat(afterAlarm.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(afterAlarm.json().get("followUps").get(0).get("alarms")).isEmpty();
    }

    @Test
    void shouldCountTheDayOnTheDashboard() {
        Response call = http.send("POST", "/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"CALLED\",\"durationSeconds\":42}", agent.token());
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        // after the call: a call logged on a follow-up's day resolves it
        followUp(Instant.now().plus(Duration.ofMinutes(30)));
        String customer = http.captureLead(company);
        http.send("PUT", "/api/leads/" + customer + "/assignee", "{\"agentId\":\"%s\"}".formatted(agent.id()),
                company.adminToken());
        Response converted = http.send("PATCH", "/api/leads/" + customer, "{\"status\":\"Customer\"}",
                agent.token());
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);

        Response dashboard = http.send("GET", "/api/agents/dashboard", null, agent.token());

        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        assertThat(dashboard.json().get("callsToday").asLong()).isEqualTo(1);
        assertThat(dashboard.json().get("dailyCallTarget").asInt()).isEqualTo(50);
        assertThat(dashboard.json().get("dueToday").asLong()).isEqualTo(1);
        assertThat(dashboard.json().get("overdue").asLong()).isZero();
        assertThat(dashboard.json().get("conversionsThisMonth").asLong()).isEqualTo(1);
        assertThat(http.send("GET", "/api/agents/dashboard", null, http.token(company, "AGENT")).json()
                .get("callsToday").asLong()).as("another agent's day").isZero();
    }

    @Test
    void shouldRefuseALostUpdateWithIfMatchAndAnswer304ForAnUnchangedLead() {
        Response read = http.send("GET", "/api/leads/" + leadId, null, agent.token());
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.json().get("version").asLong() + "\"");
        assertThat(http.send("GET", "/api/leads/" + leadId, null, agent.token(), Map.of("If-None-Match", etag))
                .status()).isEqualTo(304);

        Response phoneA = patch("{\"lastName\":\"Kumar\"}", etag);
        Response phoneB = patch("{\"lastName\":\"Sharma\"}", etag);
        Response garbage = patch("{\"lastName\":\"Sharma\"}", "yesterday");

        assertThat(phoneA.status()).as(phoneA.body()).isEqualTo(200);
        assertThat(phoneA.header("ETag")).isEqualTo("\"" + phoneA.json().get("version").asLong() + "\"");
        assertThat(phoneB.status()).isEqualTo(412);
        assertThat(phoneB.header("Content-Type")).contains("application/problem+json");
        assertThat(phoneB.json().get("currentVersion").asLong()).isEqualTo(phoneA.json().get("version").asLong());
        assertThat(garbage.status()).isEqualTo(412);
        assertThat(http.lead(company, leadId).get("lastName").asString()).isEqualTo("Kumar");
        assertThat(patch("{\"lastName\":\"Sharma\"}", phoneA.header("ETag")).status()).isEqualTo(200);
    }

    @Test
    void shouldTagTheListsAPhonePollsAndAnswer304UntilTheyChange() {
        Response tasks = http.send("GET", "/api/tasks", null, agent.token());
        String etag = tasks.header("ETag");

        Response unchanged = http.send("GET", "/api/tasks", null, agent.token(), Map.of("If-None-Match", etag));
        followUp(Instant.now().plus(Duration.ofHours(1)));
        Response changed = http.send("GET", "/api/tasks", null, agent.token(), Map.of("If-None-Match", etag));
        Response leads = http.send("GET", "/api/leads", null, agent.token());

        assertThat(etag).isNotBlank();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(http.send("GET", "/api/leads", null, agent.token(), Map.of("If-None-Match", leads.header("ETag")))
                .status()).isEqualTo(304);
    }

    /** An IANA fixed-offset zone ("Etc/GMT-5" is UTC+5) whose clock now shows a time between 12:00 and 13:00. */
    static String zoneAtMidday() {
        int hoursAhead = 12 - ZonedDateTime.now(ZoneOffset.UTC).getHour(); // -11 to +12: every one has a zone
        return hoursAhead == 0 ? "Etc/GMT" : "Etc/GMT" + (hoursAhead > 0 ? "-" : "+") + Math.abs(hoursAhead);
    }

    private Response patch(String body, String ifMatch) {
        return http.send("PATCH", "/api/leads/" + leadId, body, agent.token(), Map.of("If-Match", ifMatch));
    }

    private void followUp(Instant at) {
        Response created = http.send("POST", "/api/leads/" + leadId + "/follow-ups",
                "{\"scheduledAt\":\"%s\"}".formatted(at), agent.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private Response reminders(String ifNoneMatch) {
        return ifNoneMatch == null ? http.send("GET", "/api/agents/follow-ups/today", null, agent.token())
                : http.send("GET", "/api/agents/follow-ups/today", null, agent.token(),
                Map.of("If-None-Match", ifNoneMatch));
    }
}
