package com.calliyo.lead.assignment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.company.Companies;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.events.LeadEventMapper;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssignmentJobsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;
    @Autowired
    JobRuns runs;
    @Autowired
    JobScheduler scheduler;
    @Autowired
    AssignmentJobs jobs;
    @Autowired
    Companies companies;
    @Autowired
    Leads leads;
    @Autowired
    StatusCatalog statuses;
    @Autowired
    EligibleAgents agents;
    @Autowired
    LeadEventMapper events;
    @Autowired
    ObjectProvider<OpenFollowUps> followUps;
    @Autowired
    JobsProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;

    private TestClient http;
    private LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        http = new TestClient(port);
        company = http.api.signUpCompany();
    }

    private double jobLeads(String outcome) {
        return meters.get(JobMetrics.LEADS).tags("job", "auto-assignment", "outcome", outcome).counter().count();
    }

    private void configure(String autoRunAt, String... statusNames) {
        List<String> ids = new ArrayList<>();
        for (String name : statusNames) {
            ids.add("\"" + http.statusId(company, name) + "\"");
        }
        LeadServiceApi.Response changed = http.send("PUT", "/api/settings/configuration", """
                {"dailyCallTarget":50,"showCustomerTo":"ALL",
                 "autoAssignment":{"enabled":true,"statuses":[%s],"runAt":"%s"},
                 "topUp":{"enabled":false,"runAt":"08:00"},"staleLeads":{"enabled":false,"afterDays":30},
                 "orderModule":{"enabled":true}}""".formatted(String.join(",", ids), autoRunAt),
                company.adminToken(), Map.of("X-Confirm-Password", LeadServiceApi.PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private List<String> capture(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(http.captureLead(company));
        }
        return ids;
    }

    private LeadServiceApi.Response runNow(String job) {
        return http.send("POST", "/api/settings/" + job + "/run", null, company.adminToken());
    }

    @Test
    void shouldRunAutoAssignmentNowAndKeepItsRecord() {
        configure("09:00", "Unassigned");
        String first = http.addUser(company, "AGENT", 3);
        String second = http.addUser(company, "AGENT", 3);
        List<String> leadIds = capture(7);

        LeadServiceApi.Response before = http.send("GET", "/api/settings/auto-assignment/last-run", null,
                company.adminToken());
        double runsBefore = meters.get(JobMetrics.RUNS).tags("job", "auto-assignment", "trigger", "run_now")
                .counter().count();
        double assignedBefore = jobLeads("assigned");
        double leftBefore = jobLeads("left_unassigned");
        LeadServiceApi.Response run = runNow("auto-assignment");
        LeadServiceApi.Response last = http.send("GET", "/api/settings/auto-assignment/last-run", null,
                company.adminToken());

        assertThat(before.status()).isEqualTo(404);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("assigned").asInt()).isEqualTo(6);
        assertThat(run.json().get("agents").asInt()).isEqualTo(2);
        assertThat(run.json().get("leftUnassigned").asInt()).isEqualTo(1);
        assertThat(run.json().get("summary").asString())
                .isEqualTo("6 leads assigned across 2 agents, 1 unassigned (agents at cap)");
        assertThat(run.json().get("ranAt").asString()).isNotBlank();
        assertThat(meters.get(JobMetrics.RUNS).tags("job", "auto-assignment", "trigger", "run_now").counter()
                .count()).isEqualTo(runsBefore + 1);
        assertThat(jobLeads("assigned")).isEqualTo(assignedBefore + 6);
        assertThat(jobLeads("left_unassigned")).isEqualTo(leftBefore + 1);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("summary").asString()).isEqualTo(run.json().get("summary").asString());
        assertThat(last.json().get("ranAt").asString()).isEqualTo(run.json().get("ranAt").asString());
        Map<String, Integer> held = new HashMap<>();
        for (String leadId : leadIds) {
            JsonNode lead = http.lead(company, leadId);
            if (!lead.get("assignedTo").isNull()) {
                held.merge(lead.get("assignedTo").asString(), 1, Integer::sum);
                assertThat(lead.get("status").get("name").asString()).isEqualTo("Assigned");
            }
        }
        assertThat(held).containsOnlyKeys(first, second).containsValues(3, 3);
        String assignedLead = leadIds.stream()
                .filter(id -> !http.lead(company, id).get("assignedTo").isNull()).findFirst().orElseThrow();
        List<CloudEvent> published = http.events(LeadEventTopics.LEAD_EVENTS, assignedLead, f -> f.size() >= 3);
        assertThat(published).extracting(CloudEvent::getType).containsExactly("com.calliyo.lead.captured",
                "com.calliyo.lead.assigned", "com.calliyo.lead.status_changed");
        assertThat(http.data(published.get(1)).get("actorId").asString()).isEqualTo("system:auto-assignment");
    }

    @Test
    void shouldLeaveLeadsWithAFutureFollowUpWhereTheyAre() {
        configure("09:00", "Unassigned");
        http.addUser(company, "AGENT", 10);
        List<String> leadIds = capture(3);
        String promised = leadIds.get(0);
        String overdue = leadIds.get(1);
        assertThat(http.send("POST", "/api/leads/" + promised + "/follow-ups",
                "{\"scheduledAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}", company.adminToken())
                .status()).isEqualTo(201);
        assertThat(http.send("POST", "/api/leads/" + overdue + "/follow-ups",
                "{\"scheduledAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}", company.adminToken())
                .status()).isEqualTo(201);
        // follow-ups move leads to Followups; put them back in the eligible status, and let one fall due
        for (String id : List.of(promised, overdue)) {
            mongo.getCollection("leads").updateOne(new Document("_id", id), new Document("$set",
                    new Document("status", leadStatusDocument(leadIds.get(2)))));
        }
        mongo.getCollection("leads").updateOne(new Document("_id", overdue), new Document("$set",
                new Document("followUps.0.scheduledAt", Date.from(Instant.now().minus(Duration.ofHours(1))))));

        LeadServiceApi.Response run = runNow("auto-assignment");

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("assigned").asInt()).isEqualTo(2);
        assertThat(assignee(promised)).as("called back later: left alone").isNull();
        assertThat(assignee(overdue)).as("the follow-up is past due").isNotNull();
    }

    private Document leadStatusDocument(String leadId) {
        return mongo.getCollection("leads").find(new Document("_id", leadId)).first().get("status", Document.class);
    }

    private String assignee(String leadId) {
        return mongo.getCollection("leads").find(new Document("_id", leadId)).first().getString("assignedTo");
    }

    @Test
    void shouldTopUpEachAgentToTheirCapWithTheOldestUnassignedLeads() {
        String busy = http.addUser(company, "AGENT", 2);
        String idle = http.addUser(company, "AGENT", 2);
        String held = http.captureLead(company);
        http.send("PUT", "/api/leads/" + held + "/assignee", "{\"agentId\":\"" + busy + "\"}", company.adminToken());
        List<String> pool = capture(4);

        LeadServiceApi.Response run = runNow("top-up");

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("summary").asString())
                .isEqualTo("3 leads assigned across 2 agents, 1 unassigned (agents at cap)");
        assertThat(http.lead(company, pool.get(3)).get("assignedTo").isNull()).as("the newest waits").isTrue();
        assertThat(List.of(pool.get(0), pool.get(1), pool.get(2)))
                .allSatisfy(id -> assertThat(http.lead(company, id).get("assignedTo").asString()).isIn(busy, idle));
    }

    @Test
    void shouldReturnStaleLeadsToUnassignedButNeverCustomers() {
        String agent = http.addUser(company, "AGENT", 10);
        List<String> ids = capture(3);
        ids.forEach(id -> http.send("PUT", "/api/leads/" + id + "/assignee", "{\"agentId\":\"" + agent + "\"}",
                company.adminToken()));
        http.send("PATCH", "/api/leads/" + ids.get(2), "{\"status\":\"Customer\"}", company.adminToken());
        Date longAgo = Date.from(Instant.now().minus(Duration.ofDays(45)));
        for (String stale : List.of(ids.get(0), ids.get(2))) {
            mongo.getCollection("leads").updateOne(new Document("_id", stale),
                    new Document("$set", new Document("updatedAt", longAgo)));
        }

        LeadServiceApi.Response run = runNow("stale-leads");

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("leftUnassigned").asInt()).isEqualTo(1);
        assertThat(run.json().get("summary").asString())
                .isEqualTo("1 stale lead returned to Unassigned from 1 agent (no activity for 30 days)");
        JsonNode released = http.lead(company, ids.get(0));
        assertThat(released.get("assignedTo").isNull()).isTrue();
        assertThat(released.get("status").get("kind").asString()).isEqualTo("UNASSIGNED");
        assertThat(http.lead(company, ids.get(1)).get("assignedTo").asString()).isEqualTo(agent);
        assertThat(http.lead(company, ids.get(2)).get("status").get("kind").asString()).isEqualTo("CUSTOMER");
        assertThat(http.lead(company, ids.get(2)).get("assignedTo").asString()).isEqualTo(agent);
    }

    @Test
    void shouldPublishWhoLostAStaleLeadAsLeadUnassigned() {
        String agent = http.addUser(company, "AGENT", 10);
        String leadId = capture(1).get(0);
        http.send("PUT", "/api/leads/" + leadId + "/assignee", "{\"agentId\":\"" + agent + "\"}",
                company.adminToken());
        mongo.getCollection("leads").updateOne(new Document("_id", leadId), new Document("$set",
                new Document("updatedAt", Date.from(Instant.now().minus(Duration.ofDays(45))))));

        assertThat(runNow("stale-leads").status()).isEqualTo(200);

        List<CloudEvent> events = http.events(LeadEventTopics.LEAD_EVENTS, leadId,
                found -> found.stream().anyMatch(e -> e.getType().equals("com.calliyo.lead.status_changed")
                        && http.data(e).get("leadVersion").asLong() == 3));
        CloudEvent unassigned = events.stream().filter(e -> e.getType().equals("com.calliyo.lead.unassigned"))
                .findFirst().orElseThrow(() -> new AssertionError("no lead.unassigned among " + events.stream()
                        .map(CloudEvent::getType).toList()));
        assertThat(unassigned.getDataSchema().toString()).endsWith("lead.unassigned/v1");
        JsonNode data = http.data(unassigned);
        assertThat(data.get("fromAgentId").asString()).isEqualTo(agent);
        assertThat(data.get("reason").asString()).isEqualTo("STALE");
        assertThat(data.get("actorId").asString()).isEqualTo("system:stale-leads");
        assertThat(data.get("leadVersion").asLong()).isEqualTo(3);
        assertThat(data.get("lead").get("assignedTo").isNull()).isTrue();
        assertThat(data.get("lead").get("status").get("kind").asString()).isEqualTo("UNASSIGNED");
    }

    @Test
    void shouldRefuseRunNowWhileAnotherInstanceHoldsTheLease() {
        JobRuns.Lease lease = runs.take(company.id(), JobKind.TOP_UP, Instant.now(), Duration.ofMinutes(5))
                .orElseThrow();

        LeadServiceApi.Response busy = runNow("top-up");
        runs.release(lease);
        LeadServiceApi.Response free = runNow("top-up");

        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(free.status()).isEqualTo(200);
    }

    @Test
    void shouldRetakeALeaseWhoseInstanceDied() {
        Instant now = Instant.now();
        assertThat(runs.take(company.id(), JobKind.AUTO_ASSIGNMENT, now, Duration.ofMinutes(5))).isPresent();

        assertThat(runs.take(company.id(), JobKind.AUTO_ASSIGNMENT, now.plusSeconds(60), Duration.ofMinutes(5)))
                .isEmpty();
        assertThat(runs.take(company.id(), JobKind.AUTO_ASSIGNMENT, now.plusSeconds(301), Duration.ofMinutes(5)))
                .isPresent();
    }

    @Test
    void shouldLetOnlyAdminsRunJobs() {
        assertThat(http.send("POST", "/api/settings/auto-assignment/run", null, http.token(company, "MANAGER"))
                .status()).isEqualTo(403);
        assertThat(http.send("POST", "/api/settings/top-up/run", null, http.token(company, "AGENT")).status())
                .isEqualTo(403);
        assertThat(http.send("POST", "/api/settings/nothing/run", null, company.adminToken()).status())
                .isEqualTo(404);
    }

    @Test
    void shouldRunAScheduledJobOnceWhenTwoInstancesTickAtOnce() {
        configure("00:00", "Unassigned"); // due from local midnight on, whenever the test runs
        http.addUser(company, "AGENT", 5);
        capture(3);
        Instant now = Instant.now();

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> scheduler.runDue(now));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> scheduler.runDue(now));
        one.join();
        two.join();
        scheduler.runDue(now.plusSeconds(60));

        JobRuns.JobState state = jobs.state(company.id(), JobKind.AUTO_ASSIGNMENT).orElseThrow();
        assertThat(state.runs()).isEqualTo(1);
        assertThat(state.lastScheduledDate()).isEqualTo(LocalDate.ofInstant(now, ZoneId.of("Asia/Kolkata")));
        assertThat(state.lastRun().trigger()).isEqualTo("SCHEDULED");
        assertThat(state.lastRun().assigned()).isEqualTo(3);
    }

    @Test
    void shouldFinishARunThatStoppedHalfWayWithoutAssigningAnyLeadTwice() {
        configure("09:00", "Unassigned");
        String first = http.addUser(company, "AGENT", 10);
        String second = http.addUser(company, "AGENT", 10);
        List<String> leadIds = capture(12);
        Leads crashing = crashAfterUpdates(5);
        AssignmentJobs crashingJobs = new AssignmentJobs(companies, crashing, statuses, agents,
                new PlanWriter(crashing, events, clock), runs, followUps, properties, clock,
                new JobMetrics(new SimpleMeterRegistry()));
        Caller admin = new Caller(company.id(), company.adminUserId(), Role.ADMIN);

        assertThatThrownBy(() -> crashingJobs.runNow(admin, JobKind.AUTO_ASSIGNMENT))
                .hasMessageContaining("instance died");
        RunRecord rerun = jobs.runNow(admin, JobKind.AUTO_ASSIGNMENT);

        assertThat(rerun.assigned()).isEqualTo(7);
        assertThat(rerun.leftUnassigned()).isZero();
        Map<String, Integer> held = new HashMap<>();
        for (String leadId : leadIds) {
            Document stored = mongo.getCollection("leads").find(new Document("_id", leadId)).first();
            assertThat(stored.get("version", Number.class).longValue()).as("one assignment per lead").isEqualTo(2);
            held.merge(stored.getString("assignedTo"), 1, Integer::sum);
        }
        assertThat(held).containsOnlyKeys(first, second).containsValues(6, 6);
    }

    /** The store as seen by an instance that dies after {@code updates} lead writes. */
    private Leads crashAfterUpdates(int updates) {
        AtomicInteger written = new AtomicInteger();
        return (Leads) Proxy.newProxyInstance(Leads.class.getClassLoader(), new Class<?>[]{Leads.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("update") && written.incrementAndGet() > updates) {
                        throw new IllegalStateException("instance died half-way");
                    }
                    try {
                        return method.invoke(leads, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
