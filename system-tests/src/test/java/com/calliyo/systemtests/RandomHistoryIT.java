package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import com.calliyo.localstack.StackFaults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A randomized history: {@code faults.history-changes} writes (default 500; {@code scripts/faults.sh}: 10,000) over
 * at most {@code faults.history-leads} leads (default 50; 500) in 5 companies, one {@link LoadDriver} per company
 * (captures, conversions, un-conversions, orders and payment changes) running at once, while faults of
 * {@code faults.history-faults} (default {@code freeze-customer-service,mongo}) strike at change counts drawn with
 * the seed. At the end every company's read models must equal their recomputation from lead- and order-service, with
 * no acknowledged write lost and nothing applied twice.
 * <p>
 * The seed ({@code -Dfaults.seed=N}, printed) fixes each driver's writes, the fault order and the change counts they
 * strike at; the interleaving of five drivers and the faults' timing still vary a little between runs.
 * Runs only on a stack it started.
 */
class RandomHistoryIT {

    static final int COMPANIES = 5;
    static final int CHANGES = Integer.getInteger("faults.history-changes", 500);
    static final int LEADS = Integer.getInteger("faults.history-leads", 50);
    static final String FAULTS = System.getProperty("faults.history-faults", "freeze-customer-service,mongo");
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(180);

    final Suite suite = Suite.shared();

    @Test
    void shouldLoseNothingAndApplyNothingTwiceOverARandomHistoryWithFaults() throws Exception {
        StackFaults faults = suite.faults().orElse(null);
        assumeTrue(faults != null, "needs a stack this JVM started");
        long seed = FaultInjectionIT.SEED;
        Random random = new Random(seed);
        List<Fault> plan = new ArrayList<>(Fault.parse(FAULTS));
        java.util.Collections.shuffle(plan, random);
        TreeSet<Integer> strikes = new TreeSet<>();
        while (strikes.size() < plan.size()) {
            strikes.add(CHANGES / 10 + random.nextInt(Math.max(1, CHANGES * 7 / 10)));
        }
        System.out.println("[faults] random history, seed " + seed + " (replay: -Dfaults.seed=" + seed + "): "
                + CHANGES + " changes, " + LEADS + " leads, " + COMPANIES + " companies, " + plan + " at " + strikes);
        List<Gateway> gateways = new ArrayList<>();
        List<LoadDriver> drivers = new ArrayList<>();
        String campaign = "history-" + UUID.randomUUID();
        List<ReadModelCheck> checks = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        try {
            for (int i = 0; i < COMPANIES; i++) {
                Gateway gateway = Scenario.signUpCompanyForLongRuns(suite.gateway()).gateway();
                Orders.switchModule(gateway, true);
                gateways.add(gateway);
                drivers.add(new LoadDriver(gateway, campaign, random.nextLong()).withOrders()
                        .withLeadLimit(Math.max(1, LEADS / COMPANIES)));
            }
            drivers.forEach(driver -> driver.start(FaultInjectionIT.PERIOD_MILLIS * COMPANIES));
            int next = 0;
            for (int strike : strikes) {
                awaitChanges(drivers, strike);
                plan.get(next++).inflictAndUndo(suite, faults, FaultInjectionIT.HOLD);
            }
            awaitChanges(drivers, CHANGES);
            for (LoadDriver driver : drivers) {
                driver.pause();
            }
            for (int i = 0; i < COMPANIES; i++) {
                checks.add(ReadModelCheck.awaitConsistent(suite, gateways.get(i), drivers.get(i), campaign,
                        CATCH_UP_LIMIT));
                violations.addAll(drivers.get(i).violations());
            }
            int acknowledged = drivers.stream().mapToInt(LoadDriver::acknowledged).sum();
            int leads = drivers.stream().mapToInt(d -> d.leads().size()).sum();
            int orders = drivers.stream().mapToInt(d -> d.orders().size()).sum();
            System.out.printf("[faults] %-32s %5d %5d %10s %9s  %d changes sent, %d acknowledged, %d leads, %d orders%n",
                    "random-history", checks.stream().mapToInt(ReadModelCheck::lost).sum(),
                    checks.stream().mapToInt(ReadModelCheck::duplicates).sum(), "-", "", total(drivers), acknowledged,
                    leads, orders);
        } finally {
            drivers.forEach(LoadDriver::close);
        }

        assertThat(violations).as("refusals that are not 503/504 problem+json with Retry-After").isEmpty();
        assertThat(checks).allSatisfy(check -> {
            assertThat(check.lost()).as("acknowledged writes lost: " + check.details()).isZero();
            assertThat(check.duplicates()).as("applied twice: " + check.details()).isZero();
            assertThat(check.stale()).as("read models behind the owners: " + check.details()).isZero();
        });
    }

    private static void awaitChanges(List<LoadDriver> drivers, int count) throws InterruptedException {
        while (total(drivers) < count) {
            Thread.sleep(100);
        }
    }

    private static int total(List<LoadDriver> drivers) {
        return drivers.stream().mapToInt(LoadDriver::attempts).sum();
    }
}
