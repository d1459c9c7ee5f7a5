package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.calliyo.localstack.StackFaults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults under load: the {@link LoadDriver} writes through the gateway while each fault of {@code -Dfaults.list}
 * (default {@link Fault#SHORT}; {@code scripts/faults.sh} passes them all) strikes at a random point and is undone.
 * After each one the driver pauses and the test waits until lead-service shows every acknowledged write and the read
 * models equal their recomputation from it. It fails when an acknowledged write is lost, a conversion is counted
 * twice, the read models never catch up, or a refusal is anything but 503/504 problem+json with {@code Retry-After}.
 * The seed is printed ({@code -Dfaults.seed=N} replays the same writes, fault order and fault points); so is the
 * table of figures per fault, a row as each fault is done. Runs only on a stack it started.
 */
class FaultInjectionIT {

    static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    static final Duration HOLD = Duration.ofSeconds(Long.getLong("faults.hold-seconds", 5));
    static final long PERIOD_MILLIS = Long.getLong("faults.period-millis", 100);
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(90);

    final Suite suite = Suite.shared();

    @Test
    void shouldLoseNothingAndApplyNothingTwiceWhilePartsFailUnderLoad() throws Exception {
        StackFaults faults = suite.faults().orElse(null);
        assumeTrue(faults != null, "needs a stack this JVM started");
        System.out.println("[faults] seed " + SEED + " (replay: -Dfaults.seed=" + SEED + ")");
        Random random = new Random(SEED);
        List<Fault> plan = new ArrayList<>(Fault.parse(System.getProperty("faults.list", Fault.SHORT)));
        Collections.shuffle(plan, random);
        Gateway gateway = Scenario.signUpCompanyForLongRuns(suite.gateway()).gateway();
        Orders.switchModule(gateway, true);
        String campaign = "faults-" + UUID.randomUUID();
        row(String.format("%-32s %5s %5s %10s %9s  %s", "fault", "lost", "dup", "catch-up", "(check)",
                "refused (status x count)"));
        List<ReadModelCheck> checks = new ArrayList<>();
        List<String> violations;
        try (LoadDriver load = new LoadDriver(gateway, campaign, random.nextLong()).withOrders()) {
            for (Fault fault : plan) {
                load.resetRefusals();
                load.start(PERIOD_MILLIS);
                Thread.sleep(500 + random.nextInt(2000)); // the fault point: somewhere in a stream of writes
                fault.inflictAndUndo(suite, faults, HOLD);
                long recovered = System.nanoTime();
                Thread.sleep(1000); // writes go on against the recovered part
                load.pause();
                Map<Integer, Integer> refused = load.refusals();
                ReadModelCheck check = ReadModelCheck.awaitConsistent(suite, gateway, load, campaign,
                        CATCH_UP_LIMIT);
                long now = System.nanoTime();
                long catchUpMillis = (now - recovered) / 1_000_000; // an upper bound: it includes the last check
                long checkMillis = (now - check.startedNanos()) / 1_000_000;
                checks.add(check);
                row(String.format("%-32s %5d %5d %8.1f s %7.1f s  %s", fault.name(), check.lost(),
                        check.duplicates(), check.consistent() ? catchUpMillis / 1000.0 : Double.NaN,
                        checkMillis / 1000.0, refused));
                if (!check.consistent()) {
                    row("    not caught up: " + check.details());
                }
            }
            row(String.format("%d writes acknowledged (%d orders), %d leads", load.acknowledged(),
                    load.orders().size(), load.leads().size()));
            violations = load.violations();
        }

        assertThat(violations).as("refusals that are not 503/504 problem+json with Retry-After").isEmpty();
        assertThat(checks).allSatisfy(check -> {
            assertThat(check.lost()).as("acknowledged writes lost: " + check.details()).isZero();
            assertThat(check.duplicates()).as("conversions applied twice: " + check.details()).isZero();
            assertThat(check.stale()).as("read models behind lead-service: " + check.details()).isZero();
        });
    }

    /** One row of the fault table, printed at once so a run cut short still shows the faults it got through. */
    static void row(String row) {
        System.out.println("[faults] " + row);
    }
}
