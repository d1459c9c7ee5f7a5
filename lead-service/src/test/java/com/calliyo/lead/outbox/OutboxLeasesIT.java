package com.calliyo.lead.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases taken and given back for a whole batch at once, against the real store: two instances racing for the same
 * batch never both hold a document, a document held by another instance or without events is left out, and a settle
 * whose lease passed to another instance writes nothing to that document and says so.
 */
class OutboxLeasesIT extends OutboxStoreSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads-leases");
    }

    private MongoCollection<Document> leads() {
        return mongo.getCollection("leads");
    }

    private OutboxLeases leases(String owner) {
        return new OutboxLeases(this::leads, OutboxStream.LEADS, owner, Duration.ofSeconds(30));
    }

    private static Set<Object> ids(List<Document> documents) {
        Set<Object> ids = new HashSet<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    @Test
    void shouldHandBackTheClaimedDocumentsInTheOrderTheirIdsWereGiven() {
        List<Object> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            written.add(leadWithPendingEvents(1, new Date()));
        }
        List<Object> given = new ArrayList<>(written);
        java.util.Collections.shuffle(given, new java.util.Random(7));

        List<Document> claimed = leases("a").claim(given, new Date());

        assertThat(claimed.stream().map(document -> document.get("_id")).toList()).containsExactlyElementsOf(given);
    }

    @Test
    void shouldGiveEachDocumentOfARacedBatchToOneInstanceOnly() throws Exception {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(leadWithPendingEvents(1, new Date()));
        }
        Date now = new Date();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<List<Document>>> racers = List.of(() -> leases("a").claim(batch, now),
                    () -> leases("b").claim(batch, now));
            List<Future<List<Document>>> results = pool.invokeAll(racers);
            Set<Object> byA = ids(results.get(0).get());
            Set<Object> byB = ids(results.get(1).get());

            // one racer may win the whole batch, so byB can be empty (which doesNotContainAnyElementsOf refuses)
            assertThat(byA.stream().filter(byB::contains).toList()).as("claimed by both").isEmpty();
            Set<Object> all = new HashSet<>(byA);
            all.addAll(byB);
            assertThat(all).containsExactlyInAnyOrderElementsOf(batch);
            for (Object id : batch) {
                String holder = leads().find(new Document("_id", id)).first()
                        .getEmbedded(List.of("outboxLease", "owner"), String.class);
                assertThat(holder).isEqualTo(byA.contains(id) ? "a" : "b");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLeaveOutDocumentsHeldElsewhereOrWithoutEvents() {
        String held = leadWithPendingEvents(1, new Date());
        String empty = leadWithPendingEvents(0, new Date());
        String free = leadWithPendingEvents(2, new Date());
        leads().updateOne(new Document("_id", held), Updates.combine(Updates.set("outboxLease.owner", "other"),
                Updates.set("outboxLease.until", Date.from(Instant.now().plusSeconds(60)))));

        List<Document> claimed = leases("me").claim(List.of(held, empty, free), new Date());

        assertThat(ids(claimed)).containsExactly(free);
        assertThat(claimed.get(0).getList("pendingEvents", Document.class)).hasSize(2);
        assertThat(leads().find(new Document("_id", held)).first()
                .getEmbedded(List.of("outboxLease", "owner"), String.class)).isEqualTo("other");
    }

    @Test
    void shouldWriteNothingToADocumentWhoseLeasePassedToAnotherInstance() {
        String kept = leadWithPendingEvents(1, new Date());
        String lost = leadWithPendingEvents(1, new Date());
        Date now = new Date();
        List<Document> claimed = leases("me").claim(List.of(kept, lost), now);
        assertThat(claimed).hasSize(2);
        // our lease on `lost` expired and another instance claimed it (the counter moved on)
        leads().updateOne(new Document("_id", lost), Updates.combine(Updates.inc("outboxClaims", 1),
                Updates.set("outboxLease.owner", "other")));

        List<OutboxLeases.Settlement> settlements = claimed.stream()
                .map(document -> new OutboxLeases.Settlement(document,
                        List.of(Updates.set("settledBy", "me")))).toList();
        Set<Object> lostIds = leases("me").settle(settlements);

        assertThat(lostIds).containsExactly(lost);
        Document keptNow = leads().find(new Document("_id", kept)).first();
        assertThat(keptNow.getString("settledBy")).isEqualTo("me");
        assertThat(keptNow.get("outboxLease")).as("the lease is given back").isNull();
        Document lostNow = leads().find(new Document("_id", lost)).first();
        assertThat(lostNow.get("settledBy")).isNull();
        assertThat(lostNow.getEmbedded(List.of("outboxLease", "owner"), String.class)).isEqualTo("other");
    }
}
