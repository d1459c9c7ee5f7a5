package com.calliyo.reporting.facts;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.reporting.LeadEventsMother;
import com.calliyo.tokencheck.testing.MutableClock;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.calliyo.reporting.LeadEventsMother.aCompany;
import static com.calliyo.reporting.LeadEventsMother.aLead;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept snapshots against the embedded MongoDB-wire store through the real driver, with the reads of lead facts
 * counted on the wire: a report reads the company's facts whole once, then only what was stamped since; while a
 * write is in flight, or after a writer died between its begin and its end, nothing stale is kept.
 */
class FactSnapshotsIT {

    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");
    private static final FactSnapshots.Settings SETTINGS = new FactSnapshots.Settings(Duration.ofMinutes(10),
            Duration.ofMinutes(5), 1_000);

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    /** The filter of each find on lead facts, as JSON (the command's buffer is released after the event). */
    final List<String> leadFactFinds = new ArrayList<>();
    final MutableClock clock = new MutableClock(T0);
    final String company = aCompany();
    LeadFactProjection projection;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if ("find".equals(event.getCommandName())
                        && FactCollections.LEADS.equals(event.getCommand().getString("find").getValue())) {
                    leadFactFinds.add(event.getCommand().getDocument("filter").toJson());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":"
                        + address.getPort()))
                .addCommandListener(counting).build());
        mongo = new MongoTemplate(client, "reporting");
        projection = new LeadFactProjection(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldKeepTheSnapshotWhileNothingIsWritten() {
        capture(3);
        FactSnapshots snapshots = snapshots(SETTINGS);

        FactSnapshot first = snapshots.current(company);
        int finds = leadFactFinds.size();
        FactSnapshot second = snapshots.current(company);

        assertThat(first.leads()).hasSize(3);
        assertThat(second).isSameAs(first);
        assertThat(leadFactFinds).as("no read of lead facts for the kept snapshot").hasSize(finds);
    }

    @Test
    void shouldReadOnlyTheFactsWrittenSinceAndEqualAWholeRead() {
        List<LeadEventsMother> leads = capture(3);
        FactSnapshots snapshots = snapshots(SETTINGS);
        FactSnapshot before = snapshots.current(company);

        projection.applyAll(leads.get(1).conversion(2));
        LeadEventsMother late = aLead(company);
        projection.applyAll(List.of(late.captured()));
        int finds = leadFactFinds.size();
        FactSnapshot after = snapshots.current(company);
        List<String> since = List.copyOf(leadFactFinds.subList(finds, leadFactFinds.size()));

        assertThat(after.leads()).containsExactlyInAnyOrderElementsOf(new FactReader(mongo).leads(company));
        assertThat(after.leads()).hasSize(4).anyMatch(fact -> fact.leadId().equals(leads.get(1).leadId())
                && fact.isCustomer());
        assertThat(before.leads()).as("a kept snapshot never changes").hasSize(3).noneMatch(LeadFact::isCustomer);
        assertThat(since).as("one read, by stamp")
                .singleElement().asString().contains(FactGenerations.STAMP);
        assertThat(snapshots.current(company)).isSameAs(after);
    }

    @Test
    void shouldKeepNothingWhileAWriteIsUnfinishedSoAWriterDyingMidWriteHidesNothing() {
        List<LeadEventsMother> leads = capture(2);
        FactSnapshots snapshots = snapshots(SETTINGS);
        snapshots.current(company);

        // a writer begins, stores one of its two facts and dies before ending
        long stamp = beginByHand();
        projectionWithoutCounts().put(leads.get(0).leadId(), 5, converted(leads.get(0), stamp));
        FactSnapshot during = snapshots.current(company);
        // a write of the dead writer that was still on the wire lands after that read
        projectionWithoutCounts().put(leads.get(1).leadId(), 5, converted(leads.get(1), stamp));
        FactSnapshot later = snapshots.current(company);

        assertThat(during.leads()).filteredOn(LeadFact::isCustomer).hasSize(1);
        assertThat(later.leads()).filteredOn(LeadFact::isCustomer).hasSize(2);
        assertThat(later.leads()).containsExactlyInAnyOrderElementsOf(new FactReader(mongo).leads(company));
        assertThat(snapshots.current(company)).as("nothing kept while the counts differ").isNotSameAs(later);
    }

    @Test
    void shouldCountAWriteAbandonedLongerThanAnyWriteTakesAsEndedAndKeepSnapshotsAgain() {
        List<LeadEventsMother> leads = capture(2);
        FactSnapshots snapshots = snapshots(SETTINGS);
        FactSnapshot before = snapshots.current(company);
        long stamp = beginByHand();
        projectionWithoutCounts().put(leads.get(0).leadId(), 5, converted(leads.get(0), stamp));

        clock.set(T0.plus(Duration.ofMinutes(4)));
        FactSnapshot young = snapshots.current(company);
        assertThat(snapshots.current(company)).as("not kept while the write may still run").isNotSameAs(young);

        clock.set(T0.plus(Duration.ofMinutes(6)));
        snapshots.current(company);
        FactSnapshot settled = snapshots.current(company);

        assertThat(new FactGenerations(mongo).read(company).settled()).isTrue();
        assertThat(snapshots.current(company)).isSameAs(settled);
        assertThat(settled.leads()).filteredOn(LeadFact::isCustomer).hasSize(1);
        assertThat(before.leads()).noneMatch(LeadFact::isCustomer);
    }

    @Test
    void shouldReadWholeAgainOnceTheSnapshotIsOlderThanItsMaximumAge() {
        capture(2);
        FactSnapshots snapshots = snapshots(SETTINGS);
        FactSnapshot first = snapshots.current(company);

        clock.set(T0.plus(Duration.ofMinutes(11)));
        FactSnapshot renewed = snapshots.current(company);

        assertThat(renewed).isNotSameAs(first);
        assertThat(leadFactFinds.get(leadFactFinds.size() - 1)).doesNotContain(FactGenerations.STAMP);
        assertThat(snapshots.current(company)).isSameAs(renewed);
    }

    @Test
    void shouldNotKeepACompanyOverTheBudget() {
        capture(3);
        FactSnapshots snapshots = snapshots(new FactSnapshots.Settings(Duration.ofMinutes(10), Duration.ofMinutes(5),
                2));

        FactSnapshot first = snapshots.current(company);

        assertThat(first.leads()).hasSize(3);
        assertThat(snapshots.current(company)).isNotSameAs(first);
    }

    @Test
    void shouldKeepEachCompanyApart() {
        capture(2);
        String other = aCompany();
        projection.applyAll(List.of(aLead(other).captured()));
        FactSnapshots snapshots = snapshots(SETTINGS);

        assertThat(snapshots.current(company).leads()).hasSize(2).allMatch(fact -> fact.companyId().equals(company));
        assertThat(snapshots.current(other).leads()).hasSize(1).allMatch(fact -> fact.companyId().equals(other));
    }

    private List<LeadEventsMother> capture(int count) {
        List<LeadEventsMother> leads = new ArrayList<>();
        List<LeadEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LeadEventsMother lead = aLead(company);
            leads.add(lead);
            events.add(lead.captured());
        }
        projection.applyAll(events);
        return leads;
    }

    private FactSnapshots snapshots(FactSnapshots.Settings settings) {
        return new FactSnapshots(new FactReader(mongo), new FactGenerations(mongo, clock), clock, settings);
    }

    /** What {@link FactGenerations} does when a write begins, at the test clock's time; returns the write's stamp. */
    private long beginByHand() {
        mongo.getCollection(FactCollections.GENERATIONS).updateOne(new Document("_id", company),
                new Document("$inc", new Document("started", 1L))
                        .append("$set", new Document("lastStart", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
        return new FactGenerations(mongo).read(company).started();
    }

    private VersionedFacts projectionWithoutCounts() {
        return new VersionedFacts(mongo, FactCollections.LEADS);
    }

    private Document converted(LeadEventsMother lead, long stamp) {
        return new Document("companyId", company)
                .append("capturedAt", Date.from(LeadEventsMother.CAPTURED_AT))
                .append("tags", List.of())
                .append("statusId", LeadEventsMother.CUSTOMER.id())
                .append("statusName", LeadEventsMother.CUSTOMER.name())
                .append("statusKind", "CUSTOMER")
                .append("assignedTo", LeadEventsMother.AGENT)
                .append("convertedAt", Date.from(LeadEventsMother.CAPTURED_AT.plusSeconds(60)))
                .append("convertedBy", LeadEventsMother.AGENT)
                .append(FactGenerations.STAMP, stamp);
    }
}
