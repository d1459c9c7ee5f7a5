package com.calliyo.localstack.h2store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 backend with ordered indexes (the subject) against the same backend with them off, which scans and sorts as
 * the library does (the reference), driven by the same random lead-like documents and writes: several companies, ties
 * on createdAt, missing and null fields, numbers of mixed types, statuses of two kinds, inserts, updates that move a
 * document within and between index ranges, replaces and deletes, and now and then a document the index cannot order
 * (an array on an indexed path). After every few writes, random lists (the lead list's filters and sorts, the
 * customers list's, unsorted queues, with skip, limit and projection) and countDocuments must answer exactly alike: the
 * same documents in the same order and the same totals. Documents carry an outbox now and then ({@code pendingEvents}:
 * missing, empty, one or two events, once in a while an embedded document or a scalar), writes push and pull events,
 * and the relay's searches ({@code pendingEvents.0 $exists}, alone and with the lease condition, limited, sorted) go
 * through the sparse index on {@code pendingEvents.0} ({@link PresenceIndex}). Then the subject's H2 file is reopened
 * and compared again, first while its indexes are being built in the background (the scan answers) and then once
 * they are. The indexes must actually have answered most of the queries.
 */
class OrderedIndexPropertyTest {

    private static final int OPERATIONS = 300;
    private static final String[] COMPANIES = {"c1", "c2", "c3"};
    private static final String[] STATUSES = {"s-new", "s-call", "s-won", "s-lost"};

    @TempDir
    Path data;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void shouldAnswerListsAndCountsAsTheScanDoes(long seed) {
        Path subjectFile = data.resolve("subject-" + seed + ".mv");
        long indexAnswers = OrderedIndexH2Collection.INDEX_ANSWERS.sum();
        long presenceAnswers = OrderedIndexH2Collection.PRESENCE_ANSWERS.sum();
        TypedIndexH2Backend subjectBackend = new TypedIndexH2Backend(
                new MVStore.Builder().fileName(subjectFile.toString()).open(), true);
        MongoServer subject = new MongoServer(subjectBackend);
        MongoServer reference = new MongoServer(new TypedIndexH2Backend(new MVStore.Builder().open(), false));
        Random random = new Random(seed);
        try (MongoClient subjectClient = MongoClients.create("mongodb://" + address(subject));
             MongoClient referenceClient = MongoClients.create("mongodb://" + address(reference))) {
            Run run = new Run(random, subjectClient.getDatabase("prop").getCollection("leads"),
                    referenceClient.getDatabase("prop").getCollection("leads"));
            run.createIndexes();
            subjectBackend.awaitIndexBuilds(Duration.ofSeconds(60));
            for (int i = 0; i < OPERATIONS; i++) {
                run.write();
                if (i % 10 == 0) {
                    run.compare(5);
                }
            }
            run.compare(20);
        } finally {
            subject.shutdownNow(); // closes the store: all of it is in the file
        }
        long answeredFirst = OrderedIndexH2Collection.INDEX_ANSWERS.sum() - indexAnswers;
        long presenceFirst = OrderedIndexH2Collection.PRESENCE_ANSWERS.sum() - presenceAnswers;

        TypedIndexH2Backend reopenedBackend = new TypedIndexH2Backend(
                new MVStore.Builder().fileName(subjectFile.toString()).open(), true);
        MongoServer reopened = new MongoServer(reopenedBackend);
        try (MongoClient reopenedClient = MongoClients.create("mongodb://" + address(reopened));
             MongoClient referenceClient = MongoClients.create("mongodb://" + address(reference))) {
            Run run = new Run(random, reopenedClient.getDatabase("prop").getCollection("leads"),
                    referenceClient.getDatabase("prop").getCollection("leads"));
            run.compare(5); // while the background build may still run: index or scan, the same answers
            reopenedBackend.awaitIndexBuilds(Duration.ofSeconds(60));
            run.compare(20);
            for (int i = 0; i < 100; i++) {
                run.write();
                if (i % 10 == 0) {
                    run.compare(5);
                }
            }
        } finally {
            reopened.shutdownNow();
            reference.shutdownNow();
        }
        // Each compare asks for 3 answers (page, count, projected page) of which most fit an index.
        assertThat(answeredFirst).as("answers from the ordered index before reopening").isGreaterThan(150);
        assertThat(OrderedIndexH2Collection.INDEX_ANSWERS.sum() - indexAnswers - answeredFirst)
                .as("answers from the ordered index after reopening").isGreaterThan(50);
        assertThat(presenceFirst).as("outbox searches answered by the presence index before reopening")
                .isGreaterThan(30);
        assertThat(OrderedIndexH2Collection.PRESENCE_ANSWERS.sum() - presenceAnswers - presenceFirst)
                .as("outbox searches answered by the presence index after reopening").isGreaterThan(10);
    }

    /**
     * Indexes built in steps (a few documents per chunk, as the background build does) while random writes go on
     * between the steps: once when the indexes are declared on a filled collection, once when the store is opened
     * again. Afterwards every ordered index holds exactly one entry per document (none lost, no stale one left), the
     * presence index exactly the documents with pending events, and the answers are the scan's.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void shouldKeepTheWritesMadeWhileIndexesAreBuilt(long seed) {
        Path subjectFile = data.resolve("building-" + seed + ".mv");
        Random random = new Random(seed);
        MongoServer reference = new MongoServer(new TypedIndexH2Backend(new MVStore.Builder().open(), false));
        try (MongoClient referenceClient = MongoClients.create("mongodb://" + address(reference))) {
            MongoCollection<Document> referenceLeads = referenceClient.getDatabase("prop").getCollection("leads");
            for (int phase = 0; phase < 2; phase++) {
                IndexBuilds.Manual builds = IndexBuilds.manual();
                TypedIndexH2Backend backend = new TypedIndexH2Backend(
                        new MVStore.Builder().fileName(subjectFile.toString()).open(), true, builds);
                MongoServer subject = new MongoServer(backend);
                try (MongoClient subjectClient = MongoClients.create("mongodb://" + address(subject))) {
                    Run run = new Run(random, subjectClient.getDatabase("prop").getCollection("leads"),
                            referenceLeads);
                    if (phase == 0) {
                        for (int i = 0; i < 150; i++) {
                            run.write();
                        }
                        run.createIndexes(); // declared on a filled collection: builds scheduled, not yet run
                    }
                    List<IndexBuild> pending = builds.take(3);
                    assertThat(pending).as("builds scheduled").isNotEmpty();
                    for (IndexBuild build : pending) {
                        while (build.step()) {
                            for (int writes = random.nextInt(3); writes > 0; writes--) {
                                run.write();
                            }
                            if (random.nextInt(10) == 0) {
                                run.compare(1); // the scan answers meanwhile
                            }
                        }
                    }
                    builds.await(Duration.ofSeconds(10)); // any build a write scheduled meanwhile
                    assertIndexesHoldEveryDocumentOnce(backend, referenceLeads);
                    long answers = OrderedIndexH2Collection.INDEX_ANSWERS.sum();
                    run.compare(20);
                    assertThat(OrderedIndexH2Collection.INDEX_ANSWERS.sum() - answers)
                            .as("answers from the built indexes").isGreaterThan(10);
                } finally {
                    subject.shutdownNow();
                }
            }
        } finally {
            reference.shutdownNow();
        }
    }

    private static void assertIndexesHoldEveryDocumentOnce(TypedIndexH2Backend backend,
                                                           MongoCollection<Document> reference) {
        var collection = backend.resolveDatabase("prop").resolveCollection("leads", true);
        long documents = reference.countDocuments();
        long pending = reference.countDocuments(Filters.exists("pendingEvents.0"));
        int checked = 0;
        synchronized (collection) {
            assertThat((long) collection.count()).as("documents").isEqualTo(documents);
            for (var index : collection.getIndexes()) {
                if (index instanceof OrderedIndex ordered && index.getName().equals("companyId_1_status._id_1")) {
                    assertThat(ordered.isBuilt()).as(index.getName() + " (subsumed) built").isFalse();
                    assertThat(ordered.getCount()).as(index.getName() + " (subsumed) entries").isZero();
                } else if (index instanceof OrderedIndex ordered) {
                    assertThat(ordered.isBuilt()).as(index.getName() + " built").isTrue();
                    assertThat(ordered.getCount()).as(index.getName() + " entries").isEqualTo(documents);
                    checked++;
                } else if (index instanceof PresenceIndex presence) {
                    assertThat(presence.isUsable()).as(index.getName() + " built").isTrue();
                    assertThat(presence.getCount()).as(index.getName() + " entries").isEqualTo(pending);
                    checked++;
                }
            }
        }
        assertThat(checked).as("indexes checked").isEqualTo(7); // six ordered (the subsumed one aside) and the presence index
    }

    private static String address(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    private static final class Run {

        private final Random random;
        private final MongoCollection<Document> subject;
        private final MongoCollection<Document> reference;
        private final List<Object> ids = new ArrayList<>();
        private int nextId;

        Run(Random random, MongoCollection<Document> subject, MongoCollection<Document> reference) {
            this.random = random;
            this.subject = subject;
            this.reference = reference;
            subject.find().projection(Projections.include("_id")).forEach(doc -> ids.add(doc.get("_id")));
            nextId = 1_000 + 100_000 * ids.size(); // past every id inserted before a reopening
        }

        void createIndexes() {
            for (MongoCollection<Document> collection : List.of(subject, reference)) {
                // lead-service's list indexes, its older ones, and customer-service's list index
                collection.createIndex(new Document("companyId", 1).append("createdAt", -1).append("_id", -1)
                        .append("status.kind", 1));
                collection.createIndex(new Document("companyId", 1).append("status._id", 1).append("createdAt", -1)
                        .append("_id", -1));
                collection.createIndex(new Document("companyId", 1).append("assignedTo", 1).append("createdAt", -1)
                        .append("_id", -1).append("status.kind", 1));
                collection.createIndex(new Document("companyId", 1).append("createdAt", 1));
                collection.createIndex(new Document("companyId", 1).append("generation", 1));
                collection.createIndex(new Document("companyId", 1).append("status._id", 1)); // subsumed: never built
                collection.createIndex(new Document("companyId", 1).append("customer", 1).append("convertedAt", -1));
                collection.createIndex(new Document("phone", 1), new IndexOptions().unique(true).sparse(true));
                // the relay's outbox index (lead-service's OutboxPublisher)
                collection.createIndex(new Document("pendingEvents.0", 1), new IndexOptions().sparse(true));
            }
        }

        void write() {
            int kind = random.nextInt(10);
            if (kind < 5 || ids.isEmpty()) {
                Document document = document(newId());
                both(collection -> collection.insertOne(Document.parse(document.toJson())));
                ids.add(document.get("_id"));
            } else if (kind < 8) {
                Object id = ids.get(random.nextInt(ids.size()));
                Document set = new Document();
                Document unset = new Document();
                switch (random.nextInt(7)) {
                    case 5 -> set.append("pendingEvents", random.nextBoolean() ? List.of(event()) // written
                            : List.of(event(), event()));
                    case 6 -> set.append("pendingEvents", List.of()); // all published
                    case 0 -> set.append("createdAt", date());
                    case 1 -> set.append("status", status());
                    case 2 -> {
                        if (random.nextBoolean()) {
                            unset.append("assignedTo", "");
                        } else {
                            set.append("assignedTo", agent());
                        }
                    }
                    case 3 -> set.append("companyId", company());
                    default -> set.append("customer", random.nextBoolean()).append("convertedAt", date());
                }
                Document update = new Document();
                if (!set.isEmpty()) {
                    update.append("$set", set);
                }
                if (!unset.isEmpty()) {
                    update.append("$unset", unset);
                }
                both(collection -> collection.updateOne(Filters.eq("_id", id), update));
            } else if (kind < 9) {
                Object id = ids.get(random.nextInt(ids.size()));
                Document replacement = document(id);
                both(collection -> collection.replaceOne(Filters.eq("_id", id), Document.parse(replacement.toJson())));
            } else {
                Object id = ids.remove(random.nextInt(ids.size()));
                both(collection -> collection.deleteOne(Filters.eq("_id", id)));
            }
        }

        private void both(java.util.function.Consumer<MongoCollection<Document>> write) {
            write.accept(subject);
            write.accept(reference);
        }

        private Object newId() {
            int id = nextId++;
            return switch (random.nextInt(6)) {
                case 0 -> id; // an int _id among strings
                case 1 -> new org.bson.types.ObjectId();
                default -> String.format("%08x", id * 2654435761L & 0xffffffffL);
            };
        }

        private Document document(Object id) {
            Document document = new Document("_id", id);
            if (random.nextInt(30) != 0) {
                document.append("companyId", company());
            }
            if (random.nextInt(20) != 0) {
                document.append("createdAt", date());
            } else if (random.nextBoolean()) {
                document.append("createdAt", null);
            }
            if (random.nextInt(15) != 0) {
                document.append("status", status());
            }
            switch (random.nextInt(6)) {
                case 0 -> document.append("assignedTo", null);
                case 1, 2 -> document.append("assignedTo", agent());
                default -> { }
            }
            if (random.nextInt(3) == 0) {
                document.append("customer", random.nextInt(4) != 0).append("convertedAt", date());
            }
            document.append("firstName", "Lead" + random.nextInt(50));
            switch (random.nextInt(6)) { // reporting's write stamp, in every number type, and now and then not one
                case 0 -> document.append("generation", random.nextInt(20));
                case 1 -> document.append("generation", (long) random.nextInt(20));
                case 2 -> document.append("generation", random.nextInt(40) / 2.0);
                case 3 -> document.append("generation", random.nextBoolean() ? "7" : null);
                default -> { }
            }
            if (random.nextInt(40) == 0) {
                document.append("assignedTo", List.of(agent(), agent())); // an array: the index cannot order it
            }
            switch (random.nextInt(12)) {
                case 0, 1, 2 -> document.append("pendingEvents", List.of(event()));
                case 3 -> document.append("pendingEvents", List.of(event(), event()));
                case 4, 5 -> document.append("pendingEvents", List.of());
                case 6 -> document.append("pendingEvents", new Document("0", event())); // a field named "0"
                case 7 -> document.append("pendingEvents", "not an array");
                default -> { }
            }
            if (random.nextInt(4) == 0) {
                document.append("outboxLease", new Document("owner", "relay").append("until", date()));
            }
            return document;
        }

        private Document event() {
            return new Document("id", "e" + random.nextInt(1_000_000)).append("type", "lead_created")
                    .append("occurredAt", date());
        }

        private String company() {
            return COMPANIES[random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(COMPANIES.length - 1)];
        }

        /** Few distinct instants, so that many documents tie on createdAt. */
        private Date date() {
            return new Date(1_700_000_000_000L + random.nextInt(12) * 60_000L);
        }

        private Document status() {
            String id = STATUSES[random.nextInt(STATUSES.length)];
            return new Document("_id", id).append("name", id.substring(2))
                    .append("kind", id.equals("s-won") ? "CUSTOMER" : random.nextInt(8) == 0 ? "LOST" : "OPEN");
        }

        private Object agent() {
            return switch (random.nextInt(5)) {
                case 0 -> 7; // a number where others hold strings
                case 1 -> 7.0;
                default -> "agent-" + random.nextInt(3);
            };
        }

        void compare(int queries) {
            compareOutboxSearches();
            for (int i = 0; i < queries; i++) {
                Bson filter = filter();
                Bson sort = sort();
                int skip = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
                int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(25);
                String what = "filter " + filter.toBsonDocument() + " sort " + (sort == null ? null : sort.toBsonDocument())
                        + " skip " + skip + " limit " + limit;
                assertThat(page(subject, filter, sort, skip, limit, false)).as(what)
                        .isEqualTo(page(reference, filter, sort, skip, limit, false));
                assertThat(page(subject, filter, sort, skip, limit, true)).as("projected: " + what)
                        .isEqualTo(page(reference, filter, sort, skip, limit, true));
                CountOptions options = new CountOptions();
                if (random.nextInt(4) == 0) {
                    options.skip(random.nextInt(20)).limit(random.nextInt(30));
                }
                assertThat(subject.countDocuments(filter, options)).as("count: " + what)
                        .isEqualTo(reference.countDocuments(filter, options));
            }
        }

        /** The relay's backlog measurement and sweep (lead-service's OutboxMetrics, OutboxPublisher), and variants. */
        private void compareOutboxSearches() {
            Bson pending = Filters.exists("pendingEvents.0");
            Bson sweep = Filters.and(pending, Filters.or(Filters.exists("outboxLease.until", false),
                    Filters.lt("outboxLease.until", date())));
            List<Bson> filters = List.of(pending, sweep, Filters.and(pending, Filters.eq("companyId", company())),
                    new Document("pendingEvents.0", new Document("$exists", true)).append("customer", true));
            for (Bson filter : filters) {
                String what = "outbox filter " + filter.toBsonDocument();
                assertThat(subject.find(filter).projection(Projections.include("pendingEvents.occurredAt"))
                        .into(new ArrayList<>())).as(what)
                        .isEqualTo(reference.find(filter).projection(Projections.include("pendingEvents.occurredAt"))
                                .into(new ArrayList<>()));
                int limit = 1 + random.nextInt(5);
                assertThat(page(subject, filter, null, 0, limit, false)).as(what + " limit " + limit)
                        .isEqualTo(page(reference, filter, null, 0, limit, false));
                Bson sort = sort();
                int skip = random.nextInt(3);
                assertThat(page(subject, filter, sort, skip, limit, true)).as(what + " sorted")
                        .isEqualTo(page(reference, filter, sort, skip, limit, true));
            }
        }

        private static List<Document> page(MongoCollection<Document> collection, Bson filter, Bson sort, int skip,
                                           int limit, boolean projected) {
            FindIterable<Document> found = collection.find(filter).skip(skip).limit(limit);
            if (sort != null) {
                found.sort(sort);
            }
            if (projected) {
                found.projection(Projections.exclude("firstName", "convertedAt"));
            }
            return found.into(new ArrayList<>());
        }

        /** The list filters the services send, in both the $and and the flat form, and a few others. */
        private Bson filter() {
            String company = random.nextInt(12) == 0 ? "c-none" : company();
            List<Bson> conditions = new ArrayList<>();
            conditions.add(Filters.eq("companyId", company));
            switch (random.nextInt(13)) {
                case 0 -> conditions.add(Filters.ne("status.kind", "CUSTOMER"));
                case 1 -> conditions.add(Filters.eq("status._id", STATUSES[random.nextInt(STATUSES.length)]));
                case 2 -> {
                    conditions.add(Filters.ne("status.kind", "CUSTOMER"));
                    conditions.add(Filters.eq("assignedTo", agent()));
                }
                case 3 -> conditions.add(Filters.eq("customer", true));
                case 4 -> {
                    conditions.add(Filters.eq("customer", true));
                    conditions.add(Filters.gte("convertedAt", date()));
                }
                case 5 -> conditions.add(Filters.regex("firstName", "1")); // not covered: documents are read
                case 6 -> conditions.add(Filters.or(Filters.eq("assignedTo", null), Filters.eq("status.kind", "LOST")));
                case 7 -> conditions.add(Filters.exists("createdAt", false));
                case 8 -> conditions.add(Filters.gt("createdAt", date()));
                case 9 -> conditions.add(Filters.gte("createdAt", date()));
                case 10 -> conditions.add(Filters.gt("generation", random.nextBoolean() ? random.nextInt(20)
                        : random.nextInt(40) / 2.0));
                case 11 -> conditions.add(Filters.gte("generation", (long) random.nextInt(20)));
                default -> { }
            }
            if (random.nextBoolean()) {
                return Filters.and(conditions);
            }
            Document flat = new Document();
            for (Bson condition : conditions) {
                flat.putAll(condition.toBsonDocument());
            }
            return flat;
        }

        private Bson sort() {
            return switch (random.nextInt(9)) {
                case 0, 1, 2 -> Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id"));
                case 3 -> Sorts.descending("createdAt");
                case 4 -> Sorts.ascending("createdAt");
                case 5 -> Sorts.orderBy(Sorts.descending("convertedAt"), Sorts.ascending("_id"));
                case 6 -> Sorts.orderBy(Sorts.ascending("status.kind"), Sorts.descending("createdAt"));
                case 7 -> Sorts.ascending("_id");
                default -> null;
            };
        }
    }
}
