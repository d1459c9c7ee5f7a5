package com.calliyo.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.calliyo.localstack.LocalStack;
import com.calliyo.localstack.RunningStack;
import com.calliyo.localstack.ServiceModule;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite scaled out, on a stack of its own ({@code -Dscaleout.replicas}, default 2 instances of each back-end
 * service; {@code -Dscaleout.brokers}, default 3 brokers in one KRaft quorum, topics at replication factor 3 and
 * min.insync.replicas 2): while the {@link LoadDriver} writes through the gateway, which balances over the instances,
 * a daily job is due on every lead-service instance at once and must run once; then the first instance of each
 * back-end service and the first broker are killed with SIGKILL and stay dead, and the surviving lead-service
 * instance rotates its signing key: a token signed by the new key must be accepted by every service, which fetches
 * the key set from a live instance. The survivors must take over every partition (each consumer group shrinks to its
 * live members), no acknowledged write may be lost, none applied twice, and the read models (Customers with their
 * orders, the conversions and revenue reports) must equal their recomputation from lead- and order-service
 * ({@link ReadModelCheck}, as in {@link FaultInjectionIT}); refusals must be 503/504 problem+json with
 * {@code Retry-After}. The figures are printed
 * with a {@code [faults]} prefix; the seed too ({@code -Dfaults.seed=N} replays the writes). Once the stack is
 * closed, none of its brokers and instances may still run.
 */
class ScaleOutIT {

    static final int REPLICAS = Integer.getInteger("scaleout.replicas", 2);
    static final int BROKERS = Integer.getInteger("scaleout.brokers", 3);
    /**
     * The instance (from 0) of each service to kill, and the broker: the first, which every list names first (the
     * gateway's and the services' lead-service instances, the brokers' bootstrap list).
     */
    static final int VICTIM = 0;
    static final int VICTIM_BROKER = 0;
    static final int SURVIVOR = 1;
    /** One route of each service, read with a token signed by a key made after the first lead-service died. */
    static final List<String> ROUTES_AFTER_ROTATION = List.of("/api/leads?size=1", "/api/customers?size=1",
            "/api/orders?size=1", "/api/reports/conversions?groupBy=campaign", "/api/settings/webhooks");
    static final Duration HOLD = Duration.ofSeconds(Long.getLong("faults.hold-seconds", 10));
    static final long PERIOD_MILLIS = Long.getLong("faults.period-millis", 100);
    static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);
    static final List<ServiceModule> BACK_END = List.of(ServiceModule.LEAD_SERVICE, ServiceModule.CUSTOMER_SERVICE,
            ServiceModule.ORDER_SERVICE, ServiceModule.REPORTING_SERVICE, ServiceModule.WEBHOOK_SERVICE);

    @Test
    void shouldLoseNothingRunNoJobTwiceAndRebalanceWhenAnInstanceOfEachServiceAndABrokerDieUnderLoad()
            throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        // Every lead-service instance looks for due runs every 2 s, so both contend for the same run many times.
        environment.put("CALLIYO_JOBS_TICK", "2s");
        System.out.println("[faults] scale-out: " + REPLICAS + " instances of each back-end service, " + BROKERS
                + " brokers; seed " + SEED + " (replay: -Dfaults.seed=" + SEED + ")");
        long begin = System.nanoTime();
        ReadModelCheck check;
        List<String> violations;
        int scheduledRuns;
        Map<String, Long> children;
        Map<String, Integer> afterRotation;
        try (RunningStack stack = LocalStack.start(ScaleOutStack.config(REPLICAS, BROKERS), environment)) {
            System.out.printf("[faults] stack up in %.0f s%n", (System.nanoTime() - begin) / 1e9);
            if (BROKERS >= 3) {
                assertTopicsReplicatedThreeTimesTwoInSync(new LeadEventsTap(stack.kafkaBootstrapServers()));
            }
            Scenario.SignedIn admin = Scenario.signUpCompanyForLongRuns(new Gateway(stack.gatewayUrl()));
            Gateway gateway = admin.gateway();
            Orders.switchModule(gateway, true);
            LeadEventsTap tap = new LeadEventsTap(stack.kafkaBootstrapServers());
            String campaign = "scale-out-" + UUID.randomUUID();
            Random random = new Random(SEED);
            List<String> table = new ArrayList<>(List.of(String.format("%-32s %5s %5s %10s  %s", "fault", "lost",
                    "dup", "catch-up", "refused (status x count)")));
            try (LoadDriver load = new LoadDriver(gateway, campaign, random.nextLong()).withOrders()) {
                load.start(PERIOD_MILLIS);
                scheduledRuns = runTheStaleLeadsJobOnSchedule(stack, gateway, admin.companyId());
                Map<String, Integer> membersBefore = new HashMap<>();
                for (String group : Suite.CONSUMER_GROUPS) {
                    membersBefore.put(group, tap.members(group));
                }
                Thread.sleep(500 + random.nextInt(2000)); // the fault point: somewhere in a stream of writes
                for (ServiceModule module : BACK_END) {
                    stack.faults().kill(module, VICTIM);
                }
                if (BROKERS > 1) {
                    stack.faults().killKafka(VICTIM_BROKER);
                }
                long killed = System.nanoTime();
                afterRotation = readEveryServiceWithANewKey(stack, gateway, admin);
                Thread.sleep(HOLD.toMillis()); // writes go on against the survivors
                load.pause();
                Map<Integer, Integer> refused = load.refusals();
                long rebalanced = awaitSurvivorsOnly(tap, membersBefore);
                check = ReadModelCheck.awaitConsistent(tap, gateway, load, campaign, CATCH_UP_LIMIT);
                long caughtUp = System.nanoTime();
                table.add(String.format("%-32s %5d %5d %8.1f s  %s",
                        "kill-1-of-" + REPLICAS + "-each+broker", check.lost(), check.duplicates(),
                        check.consistent() ? (caughtUp - killed) / 1e9 : Double.NaN, refused));
                table.add(String.format("consumer groups %s down to the survivors' members %.1f s after the kills",
                        membersBefore, (rebalanced - killed) / 1e9));
                if (!check.consistent()) {
                    table.add("    not caught up: " + check.details());
                }
                table.add("with a key rotated on the surviving lead-service, a new token read " + afterRotation);
                table.add(String.format("%d writes acknowledged (%d orders), %d leads; stale-leads job: %d "
                        + "scheduled run(s) across %d lead-service instances", load.acknowledged(),
                        load.orders().size(), load.leads().size(), scheduledRuns, REPLICAS));
                violations = load.violations();
            }
            table.forEach(row -> System.out.println("[faults] " + row));
            children = stack.processIds(); // the brokers and instances, the killed ones included
        }

        assertThat(children).as("child processes of the closed stack still alive").allSatisfy((name, pid) ->
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as(name).isEmpty());
        assertThat(scheduledRuns).as("scheduled runs of one due job across the instances").isEqualTo(1);
        assertThat(afterRotation).as("each service, with a token of a key the dead instance never served")
                .containsOnlyKeys(ROUTES_AFTER_ROTATION).allSatisfy((route, status) -> assertThat(status).isEqualTo(200));
        assertThat(violations).as("refusals that are not 503/504 problem+json with Retry-After").isEmpty();
        assertThat(check.lost()).as("acknowledged writes lost: " + check.details()).isZero();
        assertThat(check.duplicates()).as("conversions or orders applied twice: " + check.details()).isZero();
        assertThat(check.stale()).as("read models behind lead- and order-service: " + check.details()).isZero();
    }

    /**
     * With the first lead-service instance dead, the surviving one makes a new signing key and the admin signs in
     * again: every service must fetch the key set from a live instance to accept the new token, not only from the
     * first URL of its list. Returns each route's status. The sign-in is repeated on a 503 (with Retry-After) as a
     * client would: the load driver counts such refusals, this check is about the key.
     */
    private static Map<String, Integer> readEveryServiceWithANewKey(RunningStack stack, Gateway gateway,
                                                                    Scenario.SignedIn admin) {
        Gateway survivor = new Gateway(stack.serviceUrl(ServiceModule.LEAD_SERVICE, SURVIVOR));
        Map<String, String> operator = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("operator:" + stack.operatorPassword()).getBytes(StandardCharsets.UTF_8)));
        Gateway.Response rotation = survivor.send("POST", "/actuator/signingkeys", null, operator);
        assertThat(rotation.status()).as("key rotation on the surviving instance: " + rotation.body()).isEqualTo(200);
        Gateway anonymous = new Gateway(stack.gatewayUrl());
        String token = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> signInOrNull(anonymous, admin), java.util.Objects::nonNull);
        Gateway withNewKey = anonymous.as(token);
        Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
        for (String route : ROUTES_AFTER_ROTATION) {
            statuses.put(route, withNewKey.get(route).status());
        }
        return statuses;
    }

    private static String signInOrNull(Gateway anonymous, Scenario.SignedIn admin) {
        Gateway.Response login = anonymous.post("/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s"}""".formatted(admin.companyId(), admin.email(),
                Scenario.PASSWORD));
        if (login.status() == 503) {
            return null;
        }
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.json().get("accessToken").asString();
        UsedSecrets.add(token);
        if (login.json().path("refreshToken").isString()) {
            UsedSecrets.add(login.json().path("refreshToken").asString());
        }
        return token;
    }

    /** Every topic the suite declares, and its DLT, is on three brokers and needs two of them for a write. */
    private static void assertTopicsReplicatedThreeTimesTwoInSync(LeadEventsTap tap) {
        Map<String, TopicDescription> topics = tap.describe(TopicsIT.TOPICS);
        assertThat(topics).containsOnlyKeys(TopicsIT.TOPICS);
        topics.forEach((name, topic) -> {
            assertThat(topic.partitions()).as(name).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            assertThat(tap.topicSetting(name, "min.insync.replicas")).as(name).isEqualTo("2");
        });
    }

    /**
     * Turns on the stale-lead clean-up, which is due at once (it runs at the company's midnight and has not run today),
     * waits until some instance ran it, then lets every instance tick several more times; returns how many scheduled
     * runs of it all instances logged together.
     */
    private static int runTheStaleLeadsJobOnSchedule(RunningStack stack, Gateway gateway, String companyId)
            throws Exception {
        Gateway.Response current = gateway.get("/api/settings/configuration");
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        ObjectNode configuration = (ObjectNode) current.json();
        ((ObjectNode) configuration.get("staleLeads")).put("enabled", true);
        Gateway.Response saved = gateway.put("/api/settings/configuration", configuration.toString(),
                "X-Confirm-Password", Scenario.PASSWORD);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                gateway.get("/api/settings/stale-leads/last-run").status() == 200);
        Thread.sleep(8_000); // four more ticks of every instance, each finding the run done
        int runs = 0;
        for (int i = 0; i < REPLICAS; i++) {
            runs += countLines(stack.logFile(ServiceModule.LEAD_SERVICE, i), "of company " + companyId + ":");
        }
        return runs;
    }

    private static int countLines(Path log, String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return (int) lines.filter(line -> line.contains(text)).count();
        }
    }

    /**
     * Waits until every consumer group has only the survivors' members left (each instance brings the same listeners,
     * so {@code before} x (replicas - 1) / replicas); returns when (System.nanoTime).
     */
    private static long awaitSurvivorsOnly(LeadEventsTap tap, Map<String, Integer> before) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    for (String group : Suite.CONSUMER_GROUPS) {
                        assertThat(tap.members(group)).as(group)
                                .isEqualTo(before.get(group) * (REPLICAS - 1) / REPLICAS);
                    }
                });
        return System.nanoTime();
    }
}
