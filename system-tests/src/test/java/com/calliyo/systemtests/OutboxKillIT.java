package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.calliyo.localstack.ServiceModule;
import com.calliyo.localstack.StackFaults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * lead-service killed inside its outbox window, at exact points: it is started with its test-only hook
 * {@code CALLIYO_FAULTS_HALT_AT=<point>:<n>} ({@code OutboxHaltHook}: {@code Runtime.halt}, as abrupt as
 * {@code kill -9}) while the {@link LoadDriver} converts and un-converts leads through the gateway, halts at the
 * n-th relay pass of that point (after the write, before the broker's acknowledgement, after it but before the
 * events leave their documents), and is started again without the hook. Then no acknowledged write may be lost and
 * no conversion counted twice, and the read models must equal their recomputation from lead-service.
 * <p>
 * {@code -Dfaults.outbox-kills=after-ack:3,...} picks the kills; by default two of {@link #ALL} drawn with the seed
 * ({@code -Dfaults.seed}, printed), {@code scripts/faults.sh} passes all 20. Runs only on a stack it started.
 */
class OutboxKillIT {

    /** 20 kills: each point at its 1st to 7th (6th) pass, so early and late batches of a stream are both hit. */
    static final List<String> ALL = List.of(
            "after-write:1", "after-write:2", "after-write:3", "after-write:4", "after-write:5", "after-write:6",
            "after-write:7", "before-ack:1", "before-ack:2", "before-ack:3", "before-ack:4", "before-ack:5",
            "before-ack:6", "before-ack:7", "after-ack:1", "after-ack:2", "after-ack:3", "after-ack:4",
            "after-ack:5", "after-ack:6");
    static final Duration HALT_LIMIT = Duration.ofSeconds(90);
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(90);

    final Suite suite = Suite.shared();

    @Test
    void shouldLoseNoAcknowledgedWriteAndCountNoConversionTwiceWhenKilledInsideTheOutboxWindow() throws Exception {
        StackFaults faults = suite.faults().orElse(null);
        assumeTrue(faults != null, "needs a stack this JVM started");
        long seed = FaultInjectionIT.SEED;
        Random random = new Random(seed);
        List<String> kills = kills(random);
        System.out.println("[faults] outbox kills, seed " + seed + ": " + kills);
        Gateway gateway = Scenario.signUpCompanyForLongRuns(suite.gateway()).gateway();
        String campaign = "outbox-kills-" + UUID.randomUUID();
        List<ReadModelCheck> checks = new ArrayList<>();
        List<String> violations;
        try (LoadDriver load = new LoadDriver(gateway, campaign, random.nextLong())) {
            load.start(FaultInjectionIT.PERIOD_MILLIS); // leads to convert before the first kill
            Thread.sleep(2000);
            load.pause();
            for (String kill : kills) {
                faults.kill(ServiceModule.LEAD_SERVICE);
                faults.restart(ServiceModule.LEAD_SERVICE, Map.of("CALLIYO_FAULTS_HALT_AT", kill));
                load.resetRefusals();
                load.start(FaultInjectionIT.PERIOD_MILLIS);
                boolean halted = faults.awaitExit(ServiceModule.LEAD_SERVICE, HALT_LIMIT);
                load.pause();
                assertThat(halted).as("lead-service halted at " + kill + " within " + HALT_LIMIT).isTrue();
                faults.restart(ServiceModule.LEAD_SERVICE);
                long restarted = System.nanoTime();
                ReadModelCheck check = ReadModelCheck.awaitConsistent(suite, gateway, load, campaign,
                        CATCH_UP_LIMIT);
                checks.add(check);
                long now = System.nanoTime();
                FaultInjectionIT.row(String.format("%-32s %5d %5d %8.1f s %7.1f s  %s", "halt-lead-service@" + kill,
                        check.lost(), check.duplicates(), check.consistent() ? (now - restarted) / 1e9 : Double.NaN,
                        (now - check.startedNanos()) / 1e9, load.refusals()));
                if (!check.consistent()) {
                    FaultInjectionIT.row("    not caught up: " + check.details());
                }
            }
            FaultInjectionIT.row(String.format("%d writes acknowledged, %d leads", load.acknowledged(),
                    load.leads().size()));
            violations = load.violations();
        }

        assertThat(violations).as("refusals that are not 503/504 problem+json with Retry-After").isEmpty();
        assertThat(checks).allSatisfy(check -> {
            assertThat(check.lost()).as("acknowledged writes lost: " + check.details()).isZero();
            assertThat(check.duplicates()).as("conversions applied twice: " + check.details()).isZero();
            assertThat(check.stale()).as("read models behind lead-service: " + check.details()).isZero();
        });
    }

    private static List<String> kills(Random random) {
        String chosen = System.getProperty("faults.outbox-kills");
        if (chosen != null && !chosen.isBlank()) {
            return chosen.equals("all") ? ALL
                    : Arrays.stream(chosen.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        List<String> shuffled = new ArrayList<>(ALL);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, 2);
    }
}
