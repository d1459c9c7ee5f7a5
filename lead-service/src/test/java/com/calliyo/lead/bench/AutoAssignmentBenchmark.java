package com.calliyo.lead.bench;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.calliyo.lead.LeadServiceApplication;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.LeadWithEvents;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.lead.events.LeadEventMapper;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.TestClient;
import com.calliyo.lead.user.User;
import com.calliyo.localstack.testing.TestInfrastructure;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time of one auto-assignment run, reported, never asserted. Not part of the build (surefire runs {@code *Test});
 * run it with
 * <pre>
 * ./mvnw -B -o -pl lead-service test -Dtest=AutoAssignmentBenchmark
 * </pre>
 * It starts lead-service in this JVM (in-process Kafka broker, its own mongo-java-server, memory backend), stores
 * {@code bench.leads} Unassigned leads (100,000) and {@code bench.agents} agents (200) with lead cap
 * {@code bench.cap} (500, so every lead fits), makes Unassigned the eligible status, and times
 * {@code POST /api/settings/auto-assignment/run} end to end, plus the plan's one scan on its own. The outbox relay is
 * off unless {@code -Dbench.relay=true} (then it publishes the 100k capture events and the run's events meanwhile).
 */
class AutoAssignmentBenchmark {

    private static final int INSERT_BATCH = 1000;

    @Test
    void measureAutoAssignmentRun() throws Exception {
        int leadCount = Integer.getInteger("bench.leads", 100_000);
        int agentCount = Integer.getInteger("bench.agents", 200);
        int cap = Integer.getInteger("bench.cap", 500);
        boolean relay = Boolean.parseBoolean(System.getProperty("bench.relay", "false"));
        MongoServer store = new MongoServer(new MemoryBackend());
        InetSocketAddress address = store.bind();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.shared().kafkaBootstrapServers(),
                        "--spring.mongodb.uri=mongodb://" + address.getHostString() + ":" + address.getPort()
                                + "/leads",
                        "--lead.outbox.relay-enabled=" + relay,
                        "--logging.level.root=warn")) {
            TestClient http = new TestClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            LeadServiceApi.Company company = http.api.signUpCompany();

            long setUpStart = System.nanoTime();
            insertAgents(app.getBean(MongoTemplate.class), company.id(), agentCount, cap);
            insertLeads(app, company.id(), leadCount);
            double setUpSeconds = (System.nanoTime() - setUpStart) / 1e9;
            LeadServiceApi.Response configured = http.send("PUT", "/api/settings/configuration", """
                    {"dailyCallTarget":50,"showCustomerTo":"ALL",
                     "autoAssignment":{"enabled":true,"statuses":["%s"],"runAt":"09:00"},
                     "topUp":{"enabled":false,"runAt":"08:00"},"staleLeads":{"enabled":false,"afterDays":30},
                     "orderModule":{"enabled":true}}""".formatted(http.statusId(company, "Unassigned")),
                    company.adminToken(), Map.of("X-Confirm-Password", LeadServiceApi.PASSWORD));
            assertThat(configured.status()).as(configured.body()).isEqualTo(200);

            long scanStart = System.nanoTime();
            int scanned = app.getBean(Leads.class).assignmentViews(company.id()).size();
            double scanSeconds = (System.nanoTime() - scanStart) / 1e9;

            long runStart = System.nanoTime();
            LeadServiceApi.Response run = http.send("POST", "/api/settings/auto-assignment/run", null,
                    company.adminToken());
            double runSeconds = (System.nanoTime() - runStart) / 1e9;
            assertThat(run.status()).as(run.body()).isEqualTo(200);

            int assigned = run.json().get("assigned").asInt();
            System.out.printf(Locale.ROOT, """

                    === Auto-assignment benchmark (mongo-java-server memory backend, outbox relay %s, %d cores) ===
                    set-up: %,d leads and %d agents (cap %d) stored in %.1f s
                    plan scan alone: %,d leads read in %.2f s
                    run (POST /api/settings/auto-assignment/run): %.1f s, %,.0f leads/s
                    summary: %s
                    ===%n""", relay ? "on" : "off", Runtime.getRuntime().availableProcessors(), leadCount,
                    agentCount, cap, setUpSeconds, scanned, scanSeconds, runSeconds, assigned / runSeconds,
                    run.json().get("summary").asString());
        } finally {
            store.shutdownNow();
        }
    }

    private static void insertAgents(MongoTemplate mongo, String companyId, int count, int cap) {
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            mongo.insert(new User(UUID.randomUUID().toString(), companyId, "Agent " + i,
                    "agent-" + i + "-" + UUID.randomUUID() + "@example.com", "{noop}unused", Role.AGENT, null, cap,
                    null, null, false, null, now, now, 1));
        }
    }

    /** Through the app's own port, so the documents (and their capture events) are exactly as in production. */
    private static void insertLeads(ConfigurableApplicationContext app, String companyId, int count) {
        Leads leads = app.getBean(Leads.class);
        LeadEventMapper events = app.getBean(LeadEventMapper.class);
        LeadStatusRef unassigned = app.getBean(StatusCatalog.class).initial(companyId);
        List<LeadWithEvents> batch = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(count);
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(i);
            Lead.Captured captured = Lead.capture(companyId, new NewLead("Lead" + i, null,
                    String.format(Locale.ROOT, "+9190%08d", i), null, List.of(), "bench", null, CaptureChannel.API,
                    null), unassigned, "bench", at);
            List<LeadChange> changes = captured.changes();
            batch.add(new LeadWithEvents(captured.lead(), events.toOutbox(captured.lead(), changes, "bench", at)));
            if (batch.size() == INSERT_BATCH) {
                leads.insertAll(batch);
                batch.clear();
            }
        }
        leads.insertAll(batch);
    }
}
