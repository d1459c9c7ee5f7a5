package com.calliyo.customer.customers;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.calliyo.customer.LeadEventsMother;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.calliyo.customer.LeadEventsMother.INTERESTED;
import static com.calliyo.customer.LeadEventsMother.aLead;
import static com.calliyo.customer.LeadEventsMother.note;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link CustomerProjection#applyAll} must leave exactly what {@link CustomerProjection#apply} one by one leaves. */
class CustomerProjectionBatchTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate oneByOneStore;
    private MongoTemplate batchedStore;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        oneByOneStore = new MongoTemplate(client, "one_by_one");
        batchedStore = new MongoTemplate(client, "batched");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldEndAsApplyingOneByOneForRandomPollsOfConversionsUpdatesActivityAndDuplicates() {
        CustomerProjection oneByOne = new CustomerProjection(oneByOneStore);
        CustomerProjection batched = new CustomerProjection(batchedStore);
        List<LeadEvent> history = history(new Random(11));
        Random polls = new Random(12);
        for (int from = 0; from < history.size(); ) {
            int to = Math.min(history.size(), from + 1 + polls.nextInt(25));
            List<LeadEvent> poll = history.subList(from, to);
            poll.forEach(oneByOne::apply);
            batched.applyAll(poll);
            from = to;
        }
        for (String collection : List.of(CustomerView.COLLECTION, LeadHistories.COLLECTION)) {
            List<Document> expected = all(oneByOneStore, collection);
            assertThat(expected).as(collection).hasSizeGreaterThan(3);
            assertThat(all(batchedStore, collection)).as(collection).isEqualTo(expected);
        }
        assertThat(all(oneByOneStore, CustomerView.COLLECTION)).as("some converted, some un-converted")
                .anyMatch(doc -> Boolean.TRUE.equals(doc.get("customer")))
                .anyMatch(doc -> Boolean.FALSE.equals(doc.get("customer")));
    }

    @Test
    void shouldApplyAnUpdateOfALeadConvertedEarlierInTheSamePoll() {
        CustomerProjection batched = new CustomerProjection(batchedStore);
        LeadEventsMother lead = aLead();

        batched.applyAll(List.of(lead.converted(2), lead.unconverted(3), lead.statusChanged(4, INTERESTED, INTERESTED)));

        Document held = batchedStore.getCollection(CustomerView.COLLECTION)
                .find(new Document("_id", lead.leadId())).first();
        assertThat(held).isNotNull();
        assertThat(held.get("version", Number.class).longValue()).isEqualTo(4);
    }

    /**
     * A few leads, each with its own growing versions: captures, status changes, notes, conversions and
     * un-conversions; now and then an event delivered twice or an older one late.
     */
    private static List<LeadEvent> history(Random random) {
        List<LeadEventsMother> leads = new ArrayList<>();
        long[] versions = new long[8];
        for (int i = 0; i < versions.length; i++) {
            leads.add(aLead());
        }
        List<LeadEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int which = random.nextInt(leads.size());
            LeadEventsMother lead = leads.get(which);
            long version = ++versions[which];
            LeadEvent event = switch (random.nextInt(6)) {
                case 0 -> new LeadCaptured(lead.companyId(), lead.leadId(), version, START, "agent-1",
                        lead.snapshot(INTERESTED, null));
                case 1 -> lead.statusChanged(version, INTERESTED, INTERESTED);
                case 2 -> lead.noteAdded(version, note("note " + i, START.plusSeconds(i)));
                case 3 -> random.nextInt(3) == 0 ? lead.converted(version) : lead.unassigned(version, INTERESTED);
                case 4 -> random.nextInt(4) == 0 ? lead.unconverted(version)
                        : lead.statusChanged(version, INTERESTED, INTERESTED);
                default -> events.isEmpty() ? lead.noteAdded(version, note("first", START))
                        : events.get(Math.max(0, events.size() - 1 - random.nextInt(10)));
            };
            events.add(event);
        }
        return events;
    }

    private static List<Document> all(MongoTemplate store, String collection) {
        return store.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
