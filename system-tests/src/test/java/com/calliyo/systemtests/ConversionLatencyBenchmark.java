package com.calliyo.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversion → visible, hop by hop, against the raw Kafka round trip on the same broker in the same run. At each
 * rate (1, 10 and 100 conversions/s by default) an admin converts fresh leads with {@code PATCH /api/leads/{id}}
 * through the gateway, and for each conversion the run stamps (all relative to just before the PATCH is sent):
 * the answer; the record's own timestamp (when lead-service's relay handed it to the producer); the moment a plain
 * consumer on the topic has it; the first Customers list through the gateway that shows it; the first conversion
 * report through the gateway that counts it. One poller per read model (every 5 ms) keeps the probe's own load the
 * same at every rate. The direct {@code PATCH} (straight to lead-service) is measured in a round of its own.
 * Reported, never asserted (only that every conversion was answered 200 and became visible). Not part of the
 * build (surefire runs {@code *Test}); against a running local stack:
 * <pre>
 * CALLIYO_RATE_LIMIT_ENABLED=false ./scripts/run-local.sh      # in another terminal
 * ./mvnw -B -o -pl system-tests test -Dtest=ConversionLatencyBenchmark -Dbench.gateway=http://localhost:8080 \
 *     -Dbench.direct=http://localhost:8081 -Dbench.kafka=localhost:9092
 * </pre>
 * Options: {@code -Dbench.rates=1,10,100}, {@code -Dbench.seconds=10} per rate (at least 10 conversions),
 * {@code -Dbench.report=path} also writes the table there as Markdown (scripts/bench.sh uses it),
 * {@code -Dbench.import-rows=N} (default 0: none) adds a last round: the same admin starts a background CSV import
 * of N rows through the gateway and, once it has stored {@code bench.import-head} rows (default 2,000), converts at
 * 1/s for the round's seconds while the import drains (interactive work beside bulk work).
 */
class ConversionLatencyBenchmark {

    private static final String[] HOPS = {"PATCH answered", "event sent by the relay", "event read from Kafka",
            "visible in Customers", "counted in the conversion report"};

    @Test
    void measureConversionToVisible() throws Exception {
        String gatewayUrl = System.getProperty("bench.gateway", "http://localhost:8080");
        String directUrl = System.getProperty("bench.direct", "http://localhost:8081");
        String kafka = System.getProperty("bench.kafka", "localhost:9092");
        int seconds = Integer.getInteger("bench.seconds", 10);
        List<Integer> rates = List.of(System.getProperty("bench.rates", "1,10,100").split(",")).stream()
                .map(String::trim).map(Integer::valueOf).toList();

        Gateway anonymous = new Gateway(gatewayUrl);
        Scenario.SignedIn admin = Scenario.signUpCompany(anonymous);
        StringBuilder report = new StringBuilder();

        try (KafkaRoundTrip roundTrip = new KafkaRoundTrip(kafka)) {
            double[] reference = roundTrip.measure(200, 10);
            report.append(row("raw Kafka produce → consume (reference), 10/s", reference[0], reference[1]));
        }
        List<String> directLeads = leads(admin.gateway(), 30);
        Gateway direct = new Gateway(directUrl).as(admin.gateway().accessToken());
        List<Long> directPatch = new ArrayList<>();
        for (String leadId : directLeads) {
            long sent = System.nanoTime();
            Gateway.Response answer = direct.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
            directPatch.add(System.nanoTime() - sent);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Thread.sleep(100);
        }
        long[] directSorted = sorted(directPatch);
        report.append(row("PATCH converting a lead, direct to lead-service", millis(directSorted, 50),
                millis(directSorted, 99)));

        for (int rate : rates) {
            int count = Math.max(10, rate * seconds);
            List<String> leadIds = leads(admin.gateway(), count);
            ConversionStamps stamps = new ConversionStamps(leadIds);
            try (ConversionWatch watch = ConversionWatch.start(kafka, admin.gateway(), stamps)) {
                convertAtRate(admin.gateway(), leadIds, rate, stamps, true);
                watch.awaitAll(60);
            }
            for (int hop = 0; hop < HOPS.length; hop++) {
                long[] values = stamps.hop(hop);
                report.append(row(rate + "/s: " + HOPS[hop], millis(values, 50), millis(values, 99)));
            }
        }
        int importRows = Integer.getInteger("bench.import-rows", 0);
        if (importRows > 0) {
            report.append(duringImport(admin.gateway(), kafka, importRows, Math.max(10, seconds)));
        }
        String table = "| measure | p50 ms | p99 ms |\n|---|---|---|\n" + report;
        System.out.println("\nConversion → visible, milliseconds from just before the PATCH is sent\n" + table);
        String out = System.getProperty("bench.report");
        if (out != null) {
            Files.writeString(Path.of(out), table);
        }
    }

    private static String duringImport(Gateway admin, String kafka, int rows, int count) throws Exception {
        List<String> leadIds = leads(admin, count);
        BackgroundImport running = BackgroundImport.start(admin, rows, 7_000_000_000L + System.nanoTime() % 1_000_000);
        int head = Math.min(rows / 2, Integer.getInteger("bench.import-head", 2_000));
        while (running.imported() < head && running.running()) {
            Thread.sleep(250);
        }
        ConversionStamps stamps = new ConversionStamps(leadIds);
        try (ConversionWatch watch = ConversionWatch.start(kafka, admin, stamps)) {
            convertAtRate(admin, leadIds, 1, stamps, false);
            watch.awaitAll(600);
        }
        long storedAtEnd = running.imported();
        StringBuilder rowsOut = new StringBuilder(String.format(Locale.ROOT,
                "| 1/s during a %d-row import: PATCH answers other than 200: %d of %d %s | | |%n", rows,
                stamps.failures().size(), leadIds.size(), stamps.failures().stream()
                        .map(failure -> failure.substring(failure.indexOf(':') + 2)).sorted().toList()));
        for (int hop = 0; hop < HOPS.length; hop++) {
            long[] values = stamps.hop(hop);
            rowsOut.append(row("1/s during a " + rows + "-row import (" + storedAtEnd + " stored by the end): "
                    + HOPS[hop], millis(values, 50), millis(values, 99)));
        }
        return rowsOut.toString();
    }

    private static void convertAtRate(Gateway admin, List<String> leadIds, int rate, ConversionStamps stamps,
                                      boolean allAnswered) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(Math.min(32, Math.max(2, rate / 2)));
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < leadIds.size(); i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            senders.execute(() -> {
                stamps.sent(index);
                Gateway.Response answer = admin.patch("/api/leads/" + leadIds.get(index), "{\"status\":\"Customer\"}");
                stamps.answered(index, answer.status());
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        if (allAnswered) {
            assertThat(stamps.failures()).as("PATCH answers other than 200").isEmpty();
        }
    }

    private static List<String> leads(Gateway admin, int count) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> ids = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> Scenario.captureLead(admin, "conversion-bench"))).toList();
            List<String> leadIds = new ArrayList<>();
            for (java.util.concurrent.Future<String> id : ids) {
                leadIds.add(id.get());
            }
            return leadIds;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static long[] sorted(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static double millis(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static String row(String measure, double p50, double p99) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", measure, p50, p99);
    }
}
