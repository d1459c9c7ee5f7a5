package com.calliyo.reporting.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.reporting.facts.CompanyFactProjection;
import com.calliyo.reporting.facts.FactGenerations;
import com.calliyo.reporting.facts.FactReader;
import com.calliyo.reporting.facts.FactSnapshot;
import com.calliyo.reporting.facts.FactSnapshots;
import com.calliyo.reporting.facts.LeadFactProjection;
import com.calliyo.reporting.facts.OrderFactProjection;
import com.calliyo.localstack.h2store.TypedIndexH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times every report over one big company on the embedded MongoDB-wire store (the in-process server the ITs use,
 * through the real driver). The data is made the way production makes it: events applied through the projections
 * (captures, assignments, conversions, some un-conversions, calls, orders and payment changes), plus a noisy second
 * company of a tenth the size. Then each report, each groupBy and both bases, runs {@code bench.runs} times after
 * one warm-up; p50/p95 are printed. Not run by surefire or failsafe (the name matches neither); it asserts only that
 * the data is there, never a time.
 * <pre>
 * ./mvnw -B -o -pl reporting-service test -Dtest=ReportsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.leads=100000 -Dbench.orders=20000 -Dbench.runs=10
 * </pre>
 * Defaults are small (2,000 leads, 400 orders, 3 runs) so that a plain run only checks that it works.
 */
class ReportsBenchmark {

    private static final String COMPANY = "bench-company";
    private static final String NOISE = "bench-noise";
    private static final List<String> AGENTS = List.of("agent-01", "agent-02", "agent-03", "agent-04", "agent-05",
            "agent-06", "agent-07", "agent-08", "agent-09", "agent-10", "agent-11", "agent-12");
    private static final StatusRef NEW = new StatusRef("st-new", "New", StatusKind.UNASSIGNED);
    private static final StatusRef CONTACTED = new StatusRef("st-contacted", "Contacted",
            StatusKind.OTHER);
    private static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer",
            StatusKind.CUSTOMER);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long YEAR_MILLIS = 365L * 24 * 3_600_000L;

    private final int leads = Integer.getInteger("bench.leads", 2_000);
    private final int orders = Integer.getInteger("bench.orders", 400);
    private final int runs = Integer.getInteger("bench.runs", 3);

    @Test
    void timeEveryReport() {
        MongoServer server = new MongoServer(backend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "reporting");
            long started = System.nanoTime();
            int events = load(mongo, COMPANY, leads, orders, new Random(1))
                    + load(mongo, NOISE, leads / 10, orders / 10, new Random(2));
            System.out.printf(Locale.ROOT, "loaded %d events (%d + %d leads, %d + %d orders) in %.1f s%n", events,
                    leads, leads / 10, orders, orders / 10, (System.nanoTime() - started) / 1e9);

            long heapBefore = usedHeapAfterGc();
            FactSnapshot measured = TestReports.snapshots(mongo).current(COMPANY);
            long heapAfter = usedHeapAfterGc();
            int facts = measured.leads().size() + measured.orders().size() + measured.calls().size();
            System.out.printf(Locale.ROOT, "kept snapshot of %d facts: %.1f MB of heap, %d bytes a fact%n", facts,
                    (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / Math.max(1, facts));

            Reports reports = TestReports.over(mongo);
            Caller manager = new Caller(COMPANY, "manager", Role.MANAGER);
            assertThat(reports.conversions(manager, ReportRequest.allTime(null)).total().leads()).isEqualTo(leads);
            assertThat(reports.revenue(manager, ReportRequest.allTime(null)).total().orders()).isPositive();

            System.out.printf(Locale.ROOT, "%-52s %9s %9s%n", "report (" + runs + " runs)", "p50 ms", "p95 ms");
            Period all = Period.ALL_TIME;
            Period march = new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));
            for (Basis basis : Basis.values()) {
                for (GroupBy group : new GroupBy[] {null, GroupBy.AGENT, GroupBy.SOURCE, GroupBy.TAG,
                        GroupBy.CAMPAIGN}) {
                    ReportRequest request = new ReportRequest(all, basis, Optional.ofNullable(group));
                    time("conversions " + name(basis, group), () -> reports.conversions(manager, request));
                    time("time-to-convert " + name(basis, group), () -> reports.timeToConvert(manager, request));
                }
                for (GroupBy group : new GroupBy[] {null, GroupBy.AGENT, GroupBy.PLAN}) {
                    ReportRequest request = new ReportRequest(all, basis, Optional.ofNullable(group));
                    time("revenue " + name(basis, group), () -> reports.revenue(manager, request));
                }
                ReportRequest monthByAgent = new ReportRequest(march, basis, Optional.of(GroupBy.AGENT));
                time("conversions " + name(basis, GroupBy.AGENT) + " March",
                        () -> reports.conversions(manager, monthByAgent));
            }
            time("funnel", () -> reports.funnel(manager, ReportRequest.allTime(null)));
            time("calls groupBy=agent", () -> reports.calls(manager, ReportRequest.allTime(GroupBy.AGENT)));
            time("calls groupBy=agent March", () -> reports.calls(manager,
                    new ReportRequest(march, Basis.CONVERSION, Optional.of(GroupBy.AGENT))));
            Caller agent = new Caller(COMPANY, AGENTS.get(0), Role.AGENT);
            time("conversions as an agent", () -> reports.conversions(agent, ReportRequest.allTime(GroupBy.AGENT)));

            ReportRequest byAgent = ReportRequest.allTime(GroupBy.AGENT);
            Reports unkept = new Reports(new FactSnapshots(new FactReader(mongo), new FactGenerations(mongo),
                    Clock.systemUTC(), new FactSnapshots.Settings(Duration.ofMinutes(10), Duration.ofMinutes(5), 0)));
            time("conversions groupBy=agent, facts read whole", () -> unkept.conversions(manager, byAgent));
            LeadFactProjection projection = new LeadFactProjection(mongo);
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                String leadId = COMPANY + "-lead-" + i;
                String to = AGENTS.get(i % AGENTS.size());
                projection.apply(new LeadAssigned(COMPANY, leadId, 1_000 + i, START, "manager", new LeadSnapshot("F",
                        "L", "+91", null, List.of(), CONTACTED, to, "webform", "campaign-1", START, null, null), null,
                        to));
                long start = System.nanoTime();
                reports.conversions(manager, byAgent);
                nanos[i] = System.nanoTime() - start;
            }
            print("conversions groupBy=agent, one lead event since", nanos);
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * {@code -Dbench.store=h2}: the local stack's default store (an H2 file with ordered indexes, which answer the
     * stamped reads by index), in a temporary file; otherwise the in-memory one the tests use.
     */
    private static MongoBackend backend() {
        if (!"h2".equals(System.getProperty("bench.store"))) {
            return new MemoryBackend();
        }
        try {
            Path file = Files.createTempDirectory("reports-bench").resolve("store.mv.db");
            // as the launcher opens it (MongoWireServer): a 128 MB page cache, commits of its own
            return new TypedIndexH2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(128)
                    .autoCommitDisabled().open(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Basis basis, GroupBy group) {
        return "basis=" + basis.name().toLowerCase(Locale.ROOT)
                + (group == null ? "" : " groupBy=" + group.parameter());
    }

    private void time(String name, Supplier<?> report) {
        report.get(); // warm-up
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            report.get();
            nanos[i] = System.nanoTime() - start;
        }
        print(name, nanos);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void print(String name, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-52s %9.1f %9.1f%n", name, percentile(nanos, 50) / 1e6,
                percentile(nanos, 95) / 1e6);
    }

    /** Nearest rank, as the time-to-convert report. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(sorted.length * p / 100.0);
        return sorted[Math.max(0, rank - 1)];
    }

    /**
     * Events for {@code leadCount} leads of one company over a year: every lead captured, 70% assigned, 25%
     * converted (a tenth of those un-converted again), about one call per two leads; {@code orderCount} orders on
     * converted leads, a third of them later paid or failed. Returns the number of events applied.
     */
    private static int load(MongoTemplate mongo, String company, int leadCount, int orderCount, Random random) {
        LeadFactProjection leadFacts = new LeadFactProjection(mongo);
        OrderFactProjection orderFacts = new OrderFactProjection(mongo);
        CompanyFactProjection companyFacts = new CompanyFactProjection(mongo);
        companyFacts.apply(new CompanySettingsChanged(company, 1, START, "admin", "Asia/Kolkata", "ALL", true, 40,
                List.of(NEW, CONTACTED, CUSTOMER), null));
        companyFacts.apply(new CompanyStatusesChanged(company, 1, START, "admin", List.of(
                new PipelineStatus(NEW.id(), NEW.name(), NEW.kind(), 0),
                new PipelineStatus(CONTACTED.id(), CONTACTED.name(), CONTACTED.kind(), 1),
                new PipelineStatus(CUSTOMER.id(), CUSTOMER.name(), CUSTOMER.kind(), 2))));
        for (int i = 0; i < AGENTS.size(); i++) {
            companyFacts.apply(new UserChanged(company, AGENTS.get(i), 1, START, "admin", "Agent " + (i + 1),
                    "AGENT", false, null));
        }
        int events = 3 + AGENTS.size();
        List<String> converted = new ArrayList<>();
        List<String> tags = List.of("hot", "vip", "2bhk", "loan", "renewal");
        List<LeadEvent> poll = new ArrayList<>(); // applied as the batch listener does, a poll at a time
        for (int n = 0; n < leadCount; n++) {
            if (poll.size() >= 500) {
                leadFacts.applyAll(poll);
                poll.clear();
            }
            String leadId = company + "-lead-" + n;
            Instant captured = START.plusMillis(random.nextLong(YEAR_MILLIS));
            String source = List.of("webform", "csv", "api", "referral").get(random.nextInt(4));
            String campaign = "campaign-" + random.nextInt(20);
            List<String> leadTags = random.nextBoolean() ? List.of() : List.of(tags.get(random.nextInt(5)),
                    tags.get(random.nextInt(5)));
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            LeadSnapshot fresh = new LeadSnapshot("F", "L", "+91", null, leadTags, NEW, null, source, campaign,
                    captured, null, null);
            poll.add(new LeadCaptured(company, leadId, 1, captured, "system", fresh));
            events++;
            long version = 1;
            if (random.nextInt(10) < 7) {
                version++;
                poll.add(new LeadAssigned(company, leadId, version, captured.plusSeconds(60), "manager",
                        with(fresh, CONTACTED, agent, null), null, agent));
                events++;
            }
            if (random.nextInt(2) == 0) {
                version++;
                Instant at = captured.plusSeconds(600 + random.nextInt(86_400));
                poll.add(new CallLogged(company, leadId, version, at, agent, with(fresh, CONTACTED, agent, null),
                        new TimelineEntry(leadId + "-call", TimelineEntryType.CALL, at, agent, null, "Called",
                                random.nextInt(3) == 0 ? 0 : random.nextInt(600), null, null)));
                events++;
            }
            if (random.nextInt(4) == 0) {
                version++;
                Instant at = captured.plusSeconds(3_600 + random.nextInt(30 * 86_400));
                LeadSnapshot customer = with(fresh, CUSTOMER, agent, at);
                poll.add(new LeadStatusChanged(company, leadId, version, at, agent, customer, CONTACTED,
                        CUSTOMER));
                poll.add(new LeadConverted(company, leadId, version, at, agent, customer, at, agent,
                        List.of()));
                events += 2;
                if (random.nextInt(10) == 0) {
                    version++;
                    LeadSnapshot undone = with(fresh, CONTACTED, agent, null);
                    poll.add(new LeadStatusChanged(company, leadId, version, at.plusSeconds(60), agent, undone,
                            CUSTOMER, CONTACTED));
                    poll.add(new LeadUnconverted(company, leadId, version, at.plusSeconds(60), agent, undone,
                            CUSTOMER, CONTACTED));
                    events += 2;
                } else {
                    converted.add(leadId);
                }
            }
        }
        leadFacts.applyAll(poll);
        for (int n = 0; n < orderCount; n++) {
            String leadId = converted.get(random.nextInt(converted.size()));
            String orderId = company + "-order-" + n;
            BigDecimal taxable = BigDecimal.valueOf(100_000 + random.nextInt(5_000_000), 2);
            String half = taxable.multiply(new BigDecimal("0.09")).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString();
            OrderSnapshot order = new OrderSnapshot(orderId, leadId, "plan-" + random.nextInt(5), "INR",
                    taxable.toPlainString(), false, PaymentStatus.PENDING, null,
                    new TaxBreakdown(taxable.toPlainString(), half, half, "0.00", taxable.toPlainString(), "18",
                            "29"), START, "agent");
            orderFacts.apply(new OrderCreated(company, orderId, leadId, 1, START, "agent", order));
            events++;
            if (random.nextInt(3) == 0) {
                PaymentStatus to = random.nextInt(4) == 0 ? PaymentStatus.FAILED : PaymentStatus.PAID;
                OrderSnapshot changed = new OrderSnapshot(orderId, leadId, order.plan(), "INR", order.amount(), false,
                        to, null, order.taxBreakdown(), START, "agent");
                orderFacts.apply(new OrderPaymentStatusChanged(company, orderId, leadId, 2, START, "agent", changed,
                        PaymentStatus.PENDING, to));
                events++;
            }
        }
        return events;
    }

    private static LeadSnapshot with(LeadSnapshot lead, StatusRef status, String agent, Instant convertedAt) {
        return new LeadSnapshot(lead.firstName(), lead.lastName(), lead.phone(), lead.email(), lead.tags(), status,
                agent, lead.source(), lead.campaign(), lead.createdAt(), convertedAt,
                convertedAt == null ? null : agent);
    }
}
