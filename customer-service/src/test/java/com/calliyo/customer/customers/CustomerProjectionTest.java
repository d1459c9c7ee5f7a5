package com.calliyo.customer.customers;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.calliyo.customer.LeadEventsMother;
import com.calliyo.lead.events.TimelineEntry;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.calliyo.customer.LeadEventsMother.aLead;
import static com.calliyo.customer.LeadEventsMother.followUp;
import static com.calliyo.customer.LeadEventsMother.note;
import static com.calliyo.customer.LeadEventsMother.resolved;
import static org.assertj.core.api.Assertions.assertThat;

/** The projection on the embedded store, for a lead whose history is longer than a conversion event carries. */
class CustomerProjectionTest {

    private static final Instant START = Instant.parse("2025-01-01T09:00:00Z");
    private static final int PAGE = 200;

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private CustomerProjection projection;
    private final LeadEventsMother lead = aLead();

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "customers");
        projection = new CustomerProjection(mongo);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldShowTheWholeHistoryWhenTheConversionCarriesOnlyItsNewestPart() {
        List<TimelineEntry> timeline = new ArrayList<>();
        long version = 1;
        for (int i = 0; i < 260; i++) {
            TimelineEntry note = note("note " + i, START.plusSeconds(60L * i));
            projection.apply(lead.noteAdded(++version, note));
            timeline.add(note);
        }
        TimelineEntry followUp = followUp(START.plusSeconds(60L * 260), START.plusSeconds(86_400));
        projection.apply(lead.followUpScheduled(++version, followUp));
        TimelineEntry done = resolved(followUp, START.plusSeconds(86_500));
        projection.apply(lead.followUpResolved(++version, done));
        timeline.add(done);
        List<TimelineEntry> newestFirst = timeline.stream()
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed()).toList();

        projection.apply(lead.convertedWithNewestOf(++version, timeline.size(), newestFirst.subList(0, PAGE)));

        CustomerView view = mongo.findById(lead.leadId(), CustomerView.class);
        assertThat(view.customer()).isTrue();
        assertThat(view.history()).hasSize(261)
                .containsOnlyKeys(timeline.stream().map(TimelineEntry::id).toList());
        assertThat(view.history().get(timeline.get(0).id()).text()).as("the oldest entry").isEqualTo("note 0");
        assertThat(view.history().get(followUp.id()).resolvedAt()).isEqualTo(START.plusSeconds(86_500));
    }

    @Test
    void shouldKeepTheNewerStateOfAnEntryWhenAnOlderEventArrivesLate() {
        TimelineEntry followUp = followUp(START, START.plusSeconds(86_400));
        TimelineEntry done = resolved(followUp, START.plusSeconds(86_500));
        projection.apply(lead.followUpResolved(5, done));
        projection.apply(lead.followUpScheduled(4, followUp));

        projection.apply(lead.convertedWithNewestOf(6, 2, List.of()));

        assertThat(mongo.findById(lead.leadId(), CustomerView.class).history().get(followUp.id()).resolvedAt())
                .isEqualTo(START.plusSeconds(86_500));
    }

    @Test
    void shouldNotShowALeadOnlyBecauseItsActivityWasRecorded() {
        projection.apply(lead.noteAdded(2, note("first call", START)));

        assertThat(mongo.findById(lead.leadId(), CustomerView.class)).isNull();
    }
}
