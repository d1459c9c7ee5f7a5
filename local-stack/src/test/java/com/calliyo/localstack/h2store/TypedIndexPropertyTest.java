package com.calliyo.localstack.h2store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's H2 backend with typed unique-index keys (the subject) against the library's own H2 backend (the
 * reference), driven by the same random writes: inserts one by one and in ordered and unordered batches, updates,
 * upserts, replaces and deletes that often collide on a unique index (single-field, compound, sparse, multikey, with
 * values of mixed types: strings, numbers of three types, null, missing, arrays, embedded documents, ids, dates).
 * Every write must succeed or fail alike (the same error code and message), and every query must answer the same
 * documents in the same order; the one difference allowed is the order (not the set) in which a regular expression on
 * a single-field unique index returns its matches without a sort, since the typed keys are ordered differently.
 * Then the reference's H2 file is reopened with the subject's backend (its unique indexes rebuilt from the data) and
 * compared, again with random writes, against the library's backend given the same documents.
 */
class TypedIndexPropertyTest {

    private static final int OPERATIONS = 400;

    @TempDir
    Path data;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void shouldWriteAndAnswerAsTheLibrarysBackendDoes(long seed) {
        Path referenceFile = data.resolve("reference-" + seed + ".mv");
        MVStore referenceStore = new MVStore.Builder().fileName(referenceFile.toString()).open();
        MongoServer subject = new MongoServer(new TypedIndexH2Backend(new MVStore.Builder().open()));
        MongoServer reference = new MongoServer(new H2Backend(referenceStore));
        try (MongoClient subjectClient = MongoClients.create("mongodb://" + address(subject));
             MongoClient referenceClient = MongoClients.create("mongodb://" + address(reference))) {
            new Run(new Random(seed), subjectClient.getDatabase("prop").getCollection("leads"),
                    referenceClient.getDatabase("prop").getCollection("leads"), true).go();
        } finally {
            subject.shutdownNow();
            reference.shutdownNow(); // closes the store: all of it is in the file
        }

        // The library's file, opened by the subject's backend: its typed indexes are built from the documents. The
        // reference for what follows is the library's backend given the same documents afresh, so that both start
        // from indexes built from the data (the library's file can keep index entries of documents gone; its
        // answers then hold a null).
        MongoServer reopened = new MongoServer(new TypedIndexH2Backend(
                new MVStore.Builder().fileName(referenceFile.toString()).open()));
        MongoServer library = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        try (MongoClient reopenedClient = MongoClients.create("mongodb://" + address(reopened));
             MongoClient libraryClient = MongoClients.create("mongodb://" + address(library))) {
            MongoCollection<Document> taken = reopenedClient.getDatabase("prop").getCollection("leads");
            MongoCollection<Document> afresh = libraryClient.getDatabase("prop").getCollection("leads");
            Run.createIndexes(afresh);
            List<Document> documents = taken.find().into(new ArrayList<>());
            if (!documents.isEmpty()) {
                afresh.insertMany(documents);
            }
            // the reopened store lists its indexes as it stored them, the fresh one as created
            Run again = new Run(new Random(seed + 100), taken, afresh, false);
            again.compareQueries("reopening");
            for (int i = 0; i < 150; i++) {
                again.step();
            }
        } finally {
            reopened.shutdownNow();
            library.shutdownNow();
        }
    }

    @Test
    void shouldDropTheLibrarysIndexMapsAndKeepOnlyTheTypedOnes() {
        Path file = data.resolve("maps.mv");
        MVStore written = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer library = new MongoServer(new H2Backend(written));
        try (MongoClient client = MongoClients.create("mongodb://" + address(library))) {
            MongoCollection<Document> leads = client.getDatabase("prop").getCollection("leads");
            leads.createIndex(new Document("email", 1), new IndexOptions().unique(true));
            leads.insertOne(new Document("_id", "a").append("email", "a@example.com"));
        } finally {
            library.shutdownNow();
        }
        try (MVStore before = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(before.getMapNames()).contains("prop.leads._index_email_1")
                    .doesNotContain("prop.leads._index_email_1#typed");
        }

        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer typed = new MongoServer(new TypedIndexH2Backend(store));
        try (MongoClient client = MongoClients.create("mongodb://" + address(typed))) {
            MongoCollection<Document> leads = client.getDatabase("prop").getCollection("leads");
            assertThat(store.getMapNames()).contains("prop.leads._index_email_1#typed", "prop.leads._index__id_#typed")
                    .doesNotContain("prop.leads._index_email_1", "prop.leads._index__id_");
            assertThat(leads.find(new Document("email", "a@example.com")).first()).containsEntry("_id", "a");
            leads.dropIndex("email_1");
            assertThat(store.getMapNames()).doesNotContain("prop.leads._index_email_1#typed");
            leads.insertOne(new Document("_id", "b").append("email", "a@example.com")); // no longer unique
            leads.drop();
            assertThat(store.getMapNames()).noneMatch(name -> name.startsWith("prop.leads."));
        } finally {
            typed.shutdownNow();
        }
    }

    private static String address(MongoServer server) {
        var socket = server.bind();
        return socket.getHostString() + ":" + socket.getPort();
    }

    private static final class Run {

        private final Random random;
        private final MongoCollection<Document> subject;
        private final MongoCollection<Document> reference;
        /** Whether both list their indexes in one order, so that a document breaking two names the same one. */
        private final boolean sameIndexOrder;
        private int nextId;

        Run(Random random, MongoCollection<Document> subject, MongoCollection<Document> reference,
            boolean sameIndexOrder) {
            this.random = random;
            this.subject = subject;
            this.reference = reference;
            this.sameIndexOrder = sameIndexOrder;
        }

        void go() {
            createIndexes(subject);
            createIndexes(reference);
            for (int i = 0; i < 20; i++) {
                insertBatch();
            }
            for (int step = 0; step < OPERATIONS; step++) {
                step();
            }
        }

        private static void createIndexes(MongoCollection<Document> leads) {
            leads.createIndex(new Document("companyId", 1).append("phone", 1), new IndexOptions().unique(true));
            leads.createIndex(new Document("companyPhone", 1), new IndexOptions().unique(true).sparse(true));
            leads.createIndex(new Document("email", 1), new IndexOptions().unique(true).sparse(true));
            leads.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
            leads.createIndex(new Document("companyId", 1).append("createdAt", 1)); // non-unique: ignored by both
        }

        void step() {
            String operation = write();
            compareQueries(operation);
        }

        private String write() {
            int choice = random.nextInt(100);
            if (choice < 30) {
                return insertBatch();
            }
            if (choice < 45) {
                Document document = document(newId());
                return "insertOne " + same(c -> {
                    c.insertOne(copy(document));
                    return "ok";
                });
            }
            if (choice < 62) {
                Document filter = filter();
                Document update = new Document("$set", uniqueFields(random.nextInt(3) + 1));
                boolean many = random.nextBoolean();
                return "update " + filter + " " + update + " " + same(c -> {
                    var result = many ? c.updateMany(filter, update) : c.updateOne(filter, update);
                    return result.getMatchedCount() + "/" + result.getModifiedCount();
                });
            }
            if (choice < 68) {
                Document filter = new Document("_id", random.nextBoolean() ? existingId() : newId())
                        .append("version", random.nextInt(3));
                Document update = new Document("$set", uniqueFields(2)).append("$inc", new Document("n", 1));
                return "upsert " + filter + " " + same(c -> {
                    var result = c.updateOne(filter, update, new UpdateOptions().upsert(true));
                    return result.getMatchedCount() + "/" + result.getModifiedCount() + "/"
                            + (result.getUpsertedId() != null);
                });
            }
            if (choice < 76) {
                Object id = existingId();
                Document replacement = document(id);
                return "replace " + id + " " + same(c -> String.valueOf(
                        c.replaceOne(new Document("_id", id), copy(replacement)).getModifiedCount()));
            }
            if (choice < 82) {
                Document filter = new Document("$unset", new Document(pick("email", "companyPhone", "phone"), ""));
                Document which = filter();
                return "unset " + which + " " + same(c -> String.valueOf(c.updateMany(which, filter).getModifiedCount()));
            }
            Document filter = filter();
            boolean one = random.nextBoolean();
            return "delete " + filter + " " + same(c -> String.valueOf(
                    (one ? c.deleteOne(filter) : c.deleteMany(filter)).getDeletedCount()));
        }

        private String insertBatch() {
            List<Document> documents = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                documents.add(document(random.nextInt(8) == 0 ? existingId() : newId()));
            }
            boolean ordered = random.nextBoolean();
            return "insertMany ordered=" + ordered + " " + same(c -> {
                List<Document> copies = documents.stream().map(Run::copy).toList();
                c.insertMany(copies, new InsertManyOptions().ordered(ordered));
                return "ok";
            });
        }

        /** Runs a write on both; returns its outcome, which must be the same (including a refusal). */
        private String same(Function<MongoCollection<Document>, String> write) {
            String s = comparable(outcome(write, subject));
            String r = comparable(outcome(write, reference));
            assertThat(s).isEqualTo(r);
            return s;
        }

        private String comparable(String outcome) {
            return sameIndexOrder ? outcome : outcome.replaceAll("index: \\S+ dup key: \\{[^}]*}", "index: ? dup key");
        }

        private static String outcome(Function<MongoCollection<Document>, String> write,
                                      MongoCollection<Document> collection) {
            try {
                return write.apply(collection);
            } catch (MongoException e) {
                // the message names the server's address, which differs
                return "refused " + e.getCode() + " " + e.getMessage().replaceAll("server [0-9.]+:[0-9]+", "server");
            }
        }

        void compareQueries(String after) {
            // all documents in the collection's order, which the data map's keys decide (unchanged)
            assertThat(subject.find().into(new ArrayList<>())).as("all after " + after)
                    .isEqualTo(reference.find().into(new ArrayList<>()));
            // exact keys of the unique indexes, which they answer
            List<Document> byIndex = List.of(
                    new Document("companyId", companyValue()).append("phone", phoneValue()),
                    new Document("companyPhone", companyPhoneValue()),
                    new Document("companyPhone", new Document("$in", Arrays.asList(companyPhoneValue(),
                            companyPhoneValue(), companyPhoneValue()))),
                    new Document("email", emailValue()),
                    new Document("email", new Document("$in", Arrays.asList(emailValue(), emailValue()))),
                    new Document("_id", existingId()).append("version", random.nextInt(3)),
                    new Document("_id", new Document("$in", List.of(existingId(), existingId()))),
                    filter());
            for (Document query : byIndex) {
                assertThat(find(subject, query, null)).as(query + " after " + after)
                        .isEqualTo(find(reference, query, null));
                assertThat(subject.countDocuments(query)).as("count " + query + " after " + after)
                        .isEqualTo(reference.countDocuments(query));
            }
            // a regular expression on a single-field unique index: the same matches, sorted the same when sorted
            Document regex = new Document("email", new Document("$regex", pick("^a", "example", "b.*z", "1")));
            Document sort = new Document("email", 1).append("_id", 1);
            assertThat(find(subject, regex, sort)).as(regex + " sorted after " + after)
                    .isEqualTo(find(reference, regex, sort));
            assertThat(sortedById(find(subject, regex, null))).as(regex + " after " + after)
                    .isEqualTo(sortedById(find(reference, regex, null)));
        }

        private static List<Document> find(MongoCollection<Document> collection, Document query, Document sort) {
            FindIterable<Document> found = collection.find(query);
            return (sort == null ? found : found.sort(sort)).into(new ArrayList<>());
        }

        private static List<Document> sortedById(List<Document> documents) {
            List<Document> sorted = new ArrayList<>(documents);
            sorted.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            return sorted;
        }

        private Document filter() {
            return switch (random.nextInt(6)) {
                case 0 -> new Document("companyId", companyValue());
                case 1 -> new Document("phone", phoneValue());
                case 2 -> new Document("email", emailValue());
                case 3 -> new Document("_id", existingId());
                case 4 -> new Document("n", new Document("$lt", random.nextInt(10)));
                default -> new Document("companyPhone", new Document("$exists", random.nextBoolean()));
            };
        }

        private Document document(Object id) {
            Document document = new Document("_id", id).append("version", random.nextInt(3));
            document.putAll(uniqueFields(4));
            document.put("n", random.nextInt(10));
            document.put("createdAt", new Date(1_700_000_000_000L + random.nextInt(1_000)));
            return document;
        }

        /** Up to {@code count} of the unique-indexed fields, from small pools so that they often collide. */
        private Document uniqueFields(int count) {
            Document fields = new Document();
            List<String> names = new ArrayList<>(List.of("companyId", "phone", "companyPhone", "email"));
            java.util.Collections.shuffle(names, random);
            for (String name : names.subList(0, count)) {
                switch (name) {
                    case "companyId" -> fields.put(name, companyValue());
                    case "phone" -> fields.put(name, phoneValue());
                    case "companyPhone" -> fields.put(name, companyPhoneValue());
                    default -> fields.put(name, emailValue());
                }
            }
            return fields;
        }

        private Object companyValue() {
            return random.nextInt(12) == 0 ? pick(null, 1, 1L, 1.0, new ObjectId("5f0000000000000000000001"))
                    : pick("c0", "c1", "c2");
        }

        private Object phoneValue() {
            int kind = random.nextInt(14);
            if (kind == 0) {
                return List.of(pick("+91900", "+91901"), pick("+91902", "+91903")); // multikey
            }
            if (kind == 1) {
                return pick(9_000L, 9_000, 9_000.0, new Document("cc", "91").append("n", "900"));
            }
            return pick("+91900", "+91901", "+91902", "+91903", "+91904", "+91905", "+91906", "+91907");
        }

        private Object companyPhoneValue() {
            return random.nextInt(10) == 0 ? pick(null, new Date(5), 7) : pick("c0|1", "c0|2", "c1|1", "c1|2",
                    "c2|3", "c2|4", "c0|5");
        }

        private Object emailValue() {
            return random.nextInt(10) == 0 ? pick(null, List.of("a@x.org", "b@x.org"), 3.5)
                    : pick("a1@example.com", "b2@example.com", "abz@x.org", "bcz@x.org", "c@example.com",
                    "a@x.org", "b@x.org", "dd@example.com", "e1@example.com", "f@x.org");
        }

        private Object newId() {
            nextId++;
            return random.nextInt(4) == 0 ? (Object) new ObjectId() : "id-" + Integer.toString(random.nextInt(1_000_000), 36)
                    + "-" + nextId;
        }

        private Object existingId() {
            List<Document> all = reference.find().projection(new Document("_id", 1)).into(new ArrayList<>());
            return all.isEmpty() ? newId() : all.get(random.nextInt(all.size())).get("_id");
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static Document copy(Document document) {
            return Document.parse(document.toJson());
        }
    }
}
