package com.calliyo.lead.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.support.ShiftedClock;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
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
 * Check-in, check-out, the attendance gate and the 23:59 check-out over real HTTP on the real store and broker. The
 * service's clock is moved past the company's midnight (Asia/Kolkata) and two sweeps run at once, as two instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ShiftedClock.Installed.class)
class AttendanceIT {

    private static final String ATTENDANCE_CHANGED = "com.calliyo.company.attendance_changed";
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    ShiftedClock clock;

    @Autowired
    AutoCheckOut autoCheckOut;

    TestClient http;
    LeadServiceApi.Company company;
    LeadServiceApi.User agent;

    @BeforeEach
    void signUp() {
        http = new TestClient(port);
        company = http.api.signUpCompany();
        agent = http.api.addUser(company, "AGENT");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldCheckInOnceAndOutOnceAndPublishBoth() {
        Response in = checkIn("{\"gps\":{\"lat\":18.52,\"lon\":73.85,\"accuracyMetres\":12.5}}");
        Response again = checkIn(null);
        Response today = http.send("GET", "/api/agents/attendance/today", null, agent.token());
        Response out = http.send("POST", "/api/agents/attendance/checkout", null, agent.token());
        Response outAgain = http.send("POST", "/api/agents/attendance/checkout", null, agent.token());

        assertThat(in.status()).as(in.body()).isEqualTo(201);
        assertThat(in.json().get("day").asString())
                .isEqualTo(Instant.parse(in.json().get("checkInAt").asString()).atZone(KOLKATA).toLocalDate()
                        .toString());
        assertThat(in.json().get("gps").get("lat").asDouble()).isEqualTo(18.52);
        assertThat(in.json().get("autoCheckOutAt").asString()).isEqualTo(elevenFiftyNine(in.json()).toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(today.json().get("checkedIn").asBoolean()).isTrue();
        assertThat(today.json().get("current").get("id").asString()).isEqualTo(in.json().get("id").asString());
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("checkOutType").asString()).isEqualTo("MANUAL");
        assertThat(outAgain.status()).isEqualTo(409);
        assertThat(outAgain.header("Content-Type")).contains("application/problem+json");
        List<JsonNode> events = attendanceEvents(2);
        assertThat(events).extracting(e -> e.get("change").asString()).containsExactly("CHECKED_IN", "CHECKED_OUT");
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L);
        assertThat(events.get(1).get("actorId").asString()).isEqualTo(agent.id());
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        assertField(checkIn("{\"gps\":{\"lat\":91,\"lon\":73.85}}"), "gps.lat");
        assertField(checkIn("{\"gps\":{\"lat\":18.5}}"), "gps.lon");
        assertField(checkIn("{\"timestamp\":\"%s\"}".formatted(Instant.now().minus(Duration.ofHours(1)))),
                "timestamp");
        assertThat(checkIn("{\"timestamp\":\"yesterday\"}").status()).isEqualTo(400);
    }

    @Test
    void shouldLockAgentsOutOfTasksAndLeadsUntilTheyCheckInWhenTheCompanyRequiresIt() {
        String leadId = http.captureLead(company);
        assertThat(http.send("GET", "/api/tasks", null, agent.token()).status()).as("off by default").isEqualTo(200);
        requireAttendance(true);

        Response tasks = http.send("GET", "/api/tasks", null, agent.token());
        Response call = http.send("POST", "/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"CALLED\",\"durationSeconds\":30}", agent.token());
        Response manager = http.send("GET", "/api/tasks", null, http.token(company, "MANAGER"));

        assertThat(tasks.status()).isEqualTo(423);
        assertThat(tasks.header("Content-Type")).contains("application/problem+json");
        assertThat(tasks.json().get("detail").asString()).isEqualTo("Check in to see your tasks");
        assertThat(call.status()).isEqualTo(423);
        assertThat(http.send("GET", "/api/leads", null, agent.token()).status()).isEqualTo(423);
        assertThat(manager.status()).isEqualTo(200);
        assertThat(http.send("GET", "/api/tasks", null, company.adminToken()).status()).isEqualTo(200);
        checkIn(null);
        assertThat(http.send("GET", "/api/tasks", null, agent.token()).status()).isEqualTo(200);
        http.send("POST", "/api/agents/attendance/checkout", null, agent.token());
        assertThat(http.send("GET", "/api/tasks", null, agent.token()).status()).isEqualTo(423);
    }

    @Test
    void shouldCheckOutAutomaticallyAt2359CompanyTimeOnceWithTwoInstancesSweeping() throws Exception {
        requireAttendance(true);
        JsonNode in = checkIn(null).json();
        Instant due = elevenFiftyNine(in);
        assertThat(autoCheckOut.run(clock.instant())).as("not due before 23:59").isZero();
        clock.shift = Duration.between(Instant.now(), due.plusSeconds(60));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        Callable<Integer> sweep = () -> autoCheckOut.run(clock.instant());
        List<Future<Integer>> closed = instances.invokeAll(List.of(sweep, sweep));
        instances.shutdown();

        assertThat(closed.get(0).get() + closed.get(1).get()).isEqualTo(1);
        List<JsonNode> events = attendanceEvents(2);
        JsonNode out = events.get(1);
        assertThat(out.get("checkOutType").asString()).isEqualTo("AUTOMATIC");
        assertThat(out.get("checkOutAt").asString()).isEqualTo(due.toString());
        assertThat(out.get("actorId").asString()).isEqualTo("system");
        assertThat(autoCheckOut.run(clock.instant())).isZero();
        assertThat(http.send("GET", "/api/tasks", null, agent.token()).status()).isEqualTo(423);
    }

    @Test
    void shouldCloseAnAttendanceLeftOpenYesterdayAtItsOwn2359WhenTheAgentChecksInAgain() {
        Instant due = elevenFiftyNine(checkIn(null).json());
        clock.shift = Duration.between(Instant.now(), due.plus(Duration.ofHours(9)));

        Response nextMorning = checkIn(null);

        assertThat(nextMorning.status()).as(nextMorning.body()).isEqualTo(201);
        List<JsonNode> events = attendanceEvents(3);
        assertThat(events.get(1).get("checkOutType").asString()).isEqualTo("AUTOMATIC");
        assertThat(events.get(1).get("checkOutAt").asString()).isEqualTo(due.toString());
        assertThat(events.get(2).get("change").asString()).isEqualTo("CHECKED_IN");
    }

    @Test
    void shouldReportDaysPerAgentInCompanyTimeToAdminsAndManagersOnly() {
        JsonNode in = checkIn("{\"gps\":{\"lat\":18.52,\"lon\":73.85}}").json();
        JsonNode out = http.send("POST", "/api/agents/attendance/checkout", null, agent.token()).json();
        String day = in.get("day").asString();
        String manager = http.token(company, "MANAGER");

        Response report = http.send("GET", "/api/reports/attendance?from=%s&to=%s".formatted(day, day), null, manager);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("timezone").asString()).isEqualTo("Asia/Kolkata");
        JsonNode row = report.json().get("days").get(0);
        assertThat(report.json().get("days")).hasSize(1);
        assertThat(row.get("agentId").asString()).isEqualTo(agent.id());
        assertThat(row.get("day").asString()).isEqualTo(day);
        assertThat(row.get("firstCheckIn").asString()).endsWith("+05:30");
        assertThat(OffsetDateTime.parse(row.get("firstCheckIn").asString()).toInstant())
                .isEqualTo(Instant.parse(in.get("checkInAt").asString()));
        assertThat(row.get("lastCheckOut").isNull()).isFalse();
        assertThat(row.get("automaticCheckOut").asBoolean()).isFalse();
        assertThat(row.get("firstCheckInGps").get("lat").asDouble()).isEqualTo(18.52);
        assertThat(report.json().get("agents").get(0).get("daysPresent").asInt()).isEqualTo(1);
        assertThat(out.get("checkOutType").asString()).isEqualTo("MANUAL");
        assertThat(http.send("GET", "/api/reports/attendance?branch=Nowhere", null, manager).json().get("days"))
                .isEmpty();
        assertThat(http.send("GET", "/api/reports/attendance", null, agent.token()).status()).isEqualTo(403);
        assertThat(http.send("GET", "/api/reports/attendance", null, http.api.signUpCompany().adminToken()).json()
                .get("days")).as("another company").isEmpty();
        assertField(http.send("GET", "/api/reports/attendance?from=May", null, manager), "from");
        assertField(http.send("GET", "/api/reports/attendance?from=2026-05-02&to=2026-05-01", null, manager), "to");
    }

    private static Instant elevenFiftyNine(JsonNode attendance) {
        ZonedDateTime checkIn = Instant.parse(attendance.get("checkInAt").asString()).atZone(KOLKATA);
        return checkIn.toLocalDate().atTime(LocalTime.of(23, 59)).atZone(KOLKATA).toInstant();
    }

    private Response checkIn(String body) {
        return http.send("POST", "/api/agents/attendance/checkin", body, agent.token());
    }

    private void requireAttendance(boolean required) {
        Response saved = http.send("PUT", "/api/settings/mobile",
                "{\"mpinLength\":4,\"requireAttendance\":%s}".formatted(required), company.adminToken());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private List<JsonNode> attendanceEvents(int count) {
        List<CloudEvent> events = http.events(LeadEventTopics.COMPANY_EVENTS, company.id(),
                found -> found.stream().filter(e -> e.getType().equals(ATTENDANCE_CHANGED)).count() >= count);
        return events.stream().filter(e -> e.getType().equals(ATTENDANCE_CHANGED)).map(http::data).toList();
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
