package com.calliyo.reporting.report;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import com.calliyo.lead.events.CompanyEvent;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.reporting.facts.CompanyFactProjection;
import com.calliyo.reporting.facts.FactReader;
import com.calliyo.reporting.facts.FactSnapshot;
import com.calliyo.reporting.facts.FactSnapshots;
import com.calliyo.reporting.facts.LeadFact;
import com.calliyo.reporting.facts.LeadFactProjection;
import com.calliyo.reporting.facts.OrderFactProjection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: after a seeded random history of thousands of events, delivered with duplicates and out of order
 * (older versions after newer ones, orders before their lead, settings and pipeline versions reversed, call
 * completions before their in-progress start), with daily call targets changing over time and conversions credited
 * to no one or to pseudo-users, every
 * report, for every groupBy, both bases, several periods and both a manager's and agents' views, equals the
 * {@link ReportsOracle}'s recomputation from the true final state. A full replay afterwards changes no report and no
 * stored document (not a fact, not a write count).
 * The history's lead events arrive in polls of random size, as the batch listener applies them
 * ({@link LeadFactProjection#applyAll}); the replay applies them one by one ({@link LeadFactProjection#apply}).
 * The reports read a company snapshot kept in memory ({@link FactSnapshots}) that is brought up to date after every
 * poll from the facts stamped since, so the answers compared are those of the kept snapshot, not of a fresh read.
 * <p>
 * Drives the projections directly (no broker) against the embedded MongoDB-wire store through the real driver.
 * {@code -Dreports.seed=N} replays another history; the seed is in every failure message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the replay changes the shared store: it goes last
class ReportsPropertyIT {

    private static final long SEED = Long.getLong("reports.seed", 20261124L);
    private static final int OPERATIONS = 4_000;

    private static MongoServer server;
    private static MongoClient client;
    private static ReportWorld world;
    private static FactSnapshots snapshots;
    private static Reports reports;
    private static LeadFactProjection leads;
    private static OrderFactProjection orders;
    private static CompanyFactProjection companies;

    @BeforeAll
    static void applyARandomHistory() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "reporting");
        leads = new LeadFactProjection(mongo);
        orders = new OrderFactProjection(mongo);
        companies = new CompanyFactProjection(mongo);
        snapshots = TestReports.snapshots(mongo);
        reports = new Reports(snapshots);
        world = ReportWorld.generate(SEED, OPERATIONS);
        deliverInPolls(disorderly(world.published, new Random(SEED + 1)), new Random(SEED + 2));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    @Order(1)
    void shouldHoldTheFinalStateOfEveryLead() {
        List<LeadFact> facts = new FactReader(new MongoTemplate(client, "reporting")).leads(ReportWorld.COMPANY);
        assertThat(facts).hasSize(world.leads().size());
        for (ReportWorld.Lead lead : world.leads()) {
            LeadFact fact = facts.stream().filter(f -> f.leadId().equals(lead.id)).findFirst().orElseThrow();
            assertThat(fact.version()).as("seed %d, %s", SEED, lead.id).isEqualTo(lead.version);
            assertThat(fact.statusId()).as("seed %d, %s", SEED, lead.id).isEqualTo(lead.status.id());
            assertThat(fact.convertedAt()).as("seed %d, %s", SEED, lead.id).isEqualTo(lead.convertedAt);
        }
        assertThat(world.leads().stream().filter(ReportWorld.Lead::customer).count())
                .as("the history converts some leads").isGreaterThan(20);
        assertThat(world.unconversions).as("the history un-converts leads").isGreaterThan(20);
        assertThat(world.reconversions).as("the history re-converts leads").isGreaterThan(5);
        assertThat(world.completions).as("the history completes in-progress calls").isGreaterThan(20);
        assertThat(world.calls()).as("some calls are still in progress").anyMatch(ReportWorld.Call::inProgress);
        assertThat(world.calls()).as("some calls are missed").anyMatch(call -> call.status().equals("MISSED"));
        assertThat(world.calls()).as("some calls are of pseudo-users")
                .anyMatch(call -> ReportWorld.PSEUDO_USERS.contains(call.actorId()));
        assertThat(world.targets).as("the daily call target changes over the history").hasSizeGreaterThan(5);
        assertThat(world.leads()).as("some conversions are credited to pseudo-users or to no one")
                .anyMatch(lead -> lead.customer() && ReportWorld.PSEUDO_USERS.contains(lead.convertedBy))
                .anyMatch(lead -> lead.customer() && lead.convertedBy == null);
        assertThat(world.orders()).as("orders of leads that are not customers now exist too")
                .anyMatch(order -> world.leads().stream()
                        .anyMatch(lead -> lead.id.equals(order.leadId) && !lead.customer()));
    }

    @Test
    @Order(2)
    void shouldHoldInTheKeptSnapshotWhatAWholeReadGives() {
        // the snapshot kept since the first poll, overlaid poll by poll, against the store read whole now
        FactReader reader = new FactReader(new MongoTemplate(client, "reporting"));
        FactSnapshot kept = snapshots.current(ReportWorld.COMPANY);
        assertThat(kept.leads()).as("seed %d", SEED).containsExactlyInAnyOrderElementsOf(
                reader.leads(ReportWorld.COMPANY));
        assertThat(kept.orders()).as("seed %d", SEED).containsExactlyInAnyOrderElementsOf(
                reader.orders(ReportWorld.COMPANY));
        assertThat(kept.calls()).as("seed %d", SEED).containsExactlyInAnyOrderElementsOf(
                reader.calls(ReportWorld.COMPANY));
        assertThat(kept.company()).isEqualTo(reader.company(ReportWorld.COMPANY));
    }

    @Test
    @Order(2)
    void shouldAnswerEveryReportAsTheOracleRecomputesIt() {
        List<Period> periods = periods(new Random(SEED + 2));
        int compared = 0;
        for (String agent : new String[] {null, "agent-2", "agent-4"}) {
            Caller caller = agent == null ? new Caller(ReportWorld.COMPANY, "manager-1", Role.MANAGER)
                    : new Caller(ReportWorld.COMPANY, agent, Role.AGENT);
            ReportsOracle oracle = new ReportsOracle(world, agent);
            for (Period period : periods) {
                for (Basis basis : Basis.values()) {
                    for (GroupBy group : new GroupBy[] {null, GroupBy.AGENT, GroupBy.SOURCE, GroupBy.TAG,
                            GroupBy.CAMPAIGN}) {
                        ReportRequest request = new ReportRequest(period, basis, Optional.ofNullable(group));
                        String what = "seed " + SEED + ", " + (agent == null ? "manager" : agent) + ", " + request;
                        assertThat(reports.conversions(caller, request)).as("conversions, " + what)
                                .isEqualTo(oracle.conversions(period, basis, group));
                        assertThat(reports.timeToConvert(caller, request)).as("time to convert, " + what)
                                .isEqualTo(oracle.timeToConvert(period, basis, group));
                        compared += 2;
                    }
                    for (GroupBy group : new GroupBy[] {null, GroupBy.AGENT, GroupBy.PLAN}) {
                        ReportRequest request = new ReportRequest(period, basis, Optional.ofNullable(group));
                        assertThat(reports.revenue(caller, request)).as("revenue, seed %d, %s, %s", SEED, agent,
                                request).isEqualTo(oracle.revenue(period, basis, group));
                        compared++;
                    }
                    ReportRequest plain = new ReportRequest(period, basis, Optional.of(GroupBy.AGENT));
                    assertThat(reports.funnel(caller, plain)).as("funnel, seed %d, %s, %s", SEED, agent, plain)
                            .isEqualTo(oracle.funnel(period));
                    assertThat(reports.calls(caller, plain)).as("calls, seed %d, %s, %s", SEED, agent, plain)
                            .isEqualTo(oracle.calls(period));
                    compared += 2;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    @Order(3)
    void shouldChangeNothingWhenTheWholeHistoryIsReplayed() {
        Caller manager = new Caller(ReportWorld.COMPANY, "manager-1", Role.MANAGER);
        ReportRequest byAgent = ReportRequest.allTime(GroupBy.AGENT);
        ConversionReport conversions = reports.conversions(manager, byAgent);
        RevenueReport revenue = reports.revenue(manager, byAgent);
        CallReport calls = reports.calls(manager, byAgent);
        FunnelReport funnel = reports.funnel(manager, byAgent);
        Map<String, List<Document>> stored = everyDocument();

        deliverAll(world.published);

        assertThat(everyDocument()).as("every document after the replay, seed %d", SEED).isEqualTo(stored);
        assertThat(reports.conversions(manager, byAgent)).isEqualTo(conversions);
        assertThat(reports.revenue(manager, byAgent)).isEqualTo(revenue);
        assertThat(reports.calls(manager, byAgent)).isEqualTo(calls);
        assertThat(reports.funnel(manager, byAgent)).isEqualTo(funnel);
        assertThat(conversions).isEqualTo(new ReportsOracle(world, null).conversions(Period.ALL_TIME,
                Basis.CONVERSION, GroupBy.AGENT));
    }

    /** Every collection of the store, each document in {@code _id} order, as a consumer group reset would find it. */
    private static Map<String, List<Document>> everyDocument() {
        Map<String, List<Document>> documents = new TreeMap<>();
        MongoDatabase database = client.getDatabase("reporting");
        for (String name : database.listCollectionNames()) {
            documents.put(name, database.getCollection(name).find().sort(new Document("_id", 1))
                    .into(new ArrayList<>()));
        }
        return documents;
    }

    /**
     * The published events with about 10% delivered twice (the copy later) and about 15% swapped with an event up
     * to 40 places later, so older versions often arrive after newer ones and orders before their lead.
     */
    private static List<Object> disorderly(List<Object> published, Random random) {
        List<Object> delivered = new ArrayList<>(published);
        for (Object event : published) {
            if (random.nextInt(10) == 0) {
                delivered.add(random.nextInt(delivered.size() + 1), event);
            }
        }
        for (int i = 0; i < delivered.size(); i++) {
            if (random.nextInt(100) < 15) {
                int j = Math.min(delivered.size() - 1, i + 1 + random.nextInt(40));
                Object swapped = delivered.get(i);
                delivered.set(i, delivered.get(j));
                delivered.set(j, swapped);
            }
        }
        return delivered;
    }

    /**
     * As the batch listener delivers: runs of lead events in polls of random size (1 to 60, so a lead's versions,
     * duplicates and late older versions often share a poll) through {@link LeadFactProjection#applyAll}.
     */
    private static void deliverInPolls(List<Object> events, Random random) {
        List<LeadEvent> poll = new ArrayList<>();
        int size = 1 + random.nextInt(60);
        for (Object event : events) {
            if (event instanceof LeadEvent lead) {
                poll.add(lead);
                if (poll.size() >= size) {
                    leads.applyAll(poll);
                    snapshots.current(ReportWorld.COMPANY); // kept, then brought up to date poll by poll
                    poll = new ArrayList<>();
                    size = 1 + random.nextInt(60);
                }
                continue;
            }
            leads.applyAll(poll);
            poll = new ArrayList<>();
            deliverAll(List.of(event));
            snapshots.current(ReportWorld.COMPANY);
        }
        leads.applyAll(poll);
    }

    private static void deliverAll(List<Object> events) {
        for (Object event : events) {
            if (event instanceof LeadEvent lead) {
                leads.apply(lead);
            } else if (event instanceof OrderEvent order) {
                orders.apply(order);
            } else if (event instanceof CompanyEvent company) {
                companies.apply(company);
            }
        }
    }

    /** All time, open-ended ones, a single day, and random ranges inside the history. */
    private static List<Period> periods(Random random) {
        LocalDate first = ReportWorld.START.atZone(ReportWorld.ZONE).toLocalDate();
        int days = (int) Duration.ofHours(OPERATIONS * 3L / 2).toDays();
        List<Period> periods = new ArrayList<>(List.of(Period.ALL_TIME,
                new Period(first.plusDays(days / 3), null),
                new Period(null, first.plusDays(days / 2)),
                new Period(first.plusDays(days / 4), first.plusDays(days / 4))));
        for (int i = 0; i < 3; i++) {
            LocalDate from = first.plusDays(random.nextInt(days));
            periods.add(new Period(from, from.plusDays(random.nextInt(60))));
        }
        return periods;
    }
}
