package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long after a revoking change the user's older token is refused by every read of {@link RevocationIT#READS}
 * through the gateway (and straight at each service when the benchmark started the stack): p50 and max over
 * {@code -Dbench.tries=20} tries per change. Reported, never asserted (only that every try ended in refusal). Not
 * part of the build (surefire runs {@code *Test}):
 * <pre>
 * ./mvnw -B -o -pl system-tests -am test -Dtest=RevocationLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (it starts the stack in memory itself; {@code -Dcalliyo.gateway.url=… -Dcalliyo.kafka.bootstrap=…} attaches to
 * one that is running instead, gateway routes only).
 */
class RevocationLatencyBenchmark {

    private static final long GIVE_UP_MS = 30_000;

    final RevocationIT probe = new RevocationIT();

    @Test
    void shouldReportTheTimeFromEachChangeToRefusal() {
        int tries = Integer.getInteger("bench.tries", 20);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nrevocation → refusal everywhere (%d tries each)%n%-16s %8s %8s %8s%n", tries, "change", "p50 ms",
                "max ms", "min ms"));
        for (RevocationIT.Revocation revocation : RevocationIT.Revocation.values()) {
            long[] millis = new long[tries];
            for (int i = 0; i < tries; i++) {
                millis[i] = once(revocation);
            }
            Arrays.sort(millis);
            table.append(String.format(Locale.ROOT, "%-16s %8d %8d %8d%n", revocation, millis[(tries - 1) / 2],
                    millis[tries - 1], millis[0]));
        }
        System.out.println(table);
    }

    /** Milliseconds from the change's answer until the last target refused the old token. */
    private long once(RevocationIT.Revocation revocation) {
        RevocationIT.Agent agent = RevocationIT.Agent.create(probe.anonymous);
        List<RevocationIT.Target> pending = new ArrayList<>(probe.targets(agent.accessToken()));
        pending.forEach(target -> assertThat(target.read().status()).as(target.name()).isEqualTo(200));

        Gateway.Response change = revocation.apply(agent, probe.anonymous.as(agent.accessToken()));
        long changedAt = System.nanoTime();
        assertThat(change.status()).as(change.body()).isBetween(200, 204);
        while (!pending.isEmpty()) {
            pending.removeIf(target -> target.read().status() == 401);
            long elapsedMs = (System.nanoTime() - changedAt) / 1_000_000;
            assertThat(elapsedMs).as("still accepted by %s", pending).isLessThan(GIVE_UP_MS);
        }
        return (System.nanoTime() - changedAt) / 1_000_000;
    }
}
