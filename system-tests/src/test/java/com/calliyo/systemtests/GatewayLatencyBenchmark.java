package com.calliyo.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/leads/{id}} straight to lead-service and through the gateway, side by side in one run: requests/s,
 * p50 and p99 latency. Reported, never asserted (only that every answer was a 200). Not part of the build
 * (surefire runs {@code *Test}); against a running local stack:
 * <pre>
 * CALLIYO_RATE_LIMIT_ENABLED=false ./scripts/run-local.sh --in-memory      # in another terminal
 * ./mvnw -B -o -pl system-tests test -Dtest=GatewayLatencyBenchmark \
 *     -Dbench.gateway=http://localhost:8080 -Dbench.direct=http://localhost:8081
 * </pre>
 * Options: {@code -Dbench.requests=3000} per round and target, {@code -Dbench.clients=8} concurrent callers,
 * {@code -Dbench.rounds=3} (targets alternate each round, so drift on a busy machine hits both alike; the first
 * round is warm-up and not counted). The gateway's per-user rate limit must be off or raised for the run.
 */
class GatewayLatencyBenchmark {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void measureDirectAndThroughTheGateway() throws Exception {
        String gatewayUrl = System.getProperty("bench.gateway", "http://localhost:8080");
        String directUrl = System.getProperty("bench.direct", "http://localhost:8081");
        int requests = Integer.getInteger("bench.requests", 3000);
        int clients = Integer.getInteger("bench.clients", 8);
        int rounds = Integer.getInteger("bench.rounds", 3);

        Gateway gateway = new Gateway(gatewayUrl);
        Scenario.SignedIn company = Scenario.signUpCompany(gateway);
        String leadId = Scenario.captureLead(company.gateway(), "bench");
        String token = company.gateway().accessToken();
        String path = "/api/leads/" + leadId;

        Map<String, List<Long>> latencies = new TreeMap<>();
        Map<String, Long> elapsed = new TreeMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String[] target : List.of(new String[] {"direct", directUrl}, new String[] {"gateway", gatewayUrl})) {
                long start = System.nanoTime();
                List<Long> measured = run(URI.create(target[1] + path), token, requests, clients, statuses);
                if (round > 0) {
                    latencies.computeIfAbsent(target[0], name -> new ArrayList<>()).addAll(measured);
                    elapsed.merge(target[0], System.nanoTime() - start, Long::sum);
                }
            }
        }

        System.out.printf(Locale.ROOT, "%nGET /api/leads/{id}: %d requests x %d measured rounds per target, %d clients"
                + "%n%-8s %10s %9s %9s%n", requests, rounds - 1, clients, "target", "req/s", "p50 ms", "p99 ms");
        latencies.forEach((name, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-8s %10.0f %9.2f %9.2f%n", name,
                    sorted.length / (elapsed.get(name) / 1e9), percentile(sorted, 50) / 1e6,
                    percentile(sorted, 99) / 1e6);
        });
        System.out.println("statuses: " + statuses);
        assertThat(statuses.keySet()).as("429 means the gateway's rate limit is on: start it with "
                + "CALLIYO_RATE_LIMIT_ENABLED=false").containsOnly(200);
    }

    private List<Long> run(URI uri, String token, int requests, int clients, Map<Integer, AtomicInteger> statuses)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        AtomicInteger remaining = new AtomicInteger(requests);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    long[] mine = new long[requests];
                    int count = 0;
                    while (remaining.getAndDecrement() > 0) {
                        long sent = System.nanoTime();
                        HttpResponse<Void> response = send(request);
                        mine[count++] = System.nanoTime() - sent;
                        statuses.computeIfAbsent(response.statusCode(), status -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return Arrays.copyOf(mine, count);
                }));
            }
            List<Long> all = new ArrayList<>(requests);
            for (Future<long[]> worker : workers) {
                for (long value : worker.get()) {
                    all.add(value);
                }
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<Void> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
