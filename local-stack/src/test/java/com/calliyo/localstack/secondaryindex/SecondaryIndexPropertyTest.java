package com.calliyo.localstack.secondaryindex;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same random writes and queries against two servers, one whose non-unique indexes are real (the subject) and one
 * that ignores them and scans (the library as it is): every answer must be the same, document for document and in the
 * same order, including queries the index cannot serve (non-leading fields, arrays on the path, numbers of mixed
 * types, null, $in with odd members) and the writes' own counts. Indexes are created both before and after data
 * exists, so the initial build is covered as well as the upkeep on insert, update, replace and delete.
 */
class SecondaryIndexPropertyTest {

    private static final int OPERATIONS = 250;
    private static final int QUERIES_PER_OPERATION = 3;

    @ParameterizedTest(name = "{0} backend, seed {1}")
    @CsvSource({"memory, 1", "memory, 2", "memory, 3", "h2, 4", "h2, 5"})
    void shouldAnswerEveryQueryAsAScanDoes(String backend, long seed) {
        MongoServer subject = new MongoServer(indexed(backend));
        MongoServer reference = new MongoServer(plain(backend));
        try (MongoClient subjectClient = MongoClients.create("mongodb://" + address(subject));
             MongoClient referenceClient = MongoClients.create("mongodb://" + address(reference))) {
            Pair pair = new Pair(subjectClient.getDatabase("prop").getCollection("leads"),
                    referenceClient.getDatabase("prop").getCollection("leads"));
            new Run(new Random(seed), pair, seed % 2 == 0).go();
        } finally {
            subject.shutdownNow();
            reference.shutdownNow();
        }
    }

    private static MongoBackend indexed(String backend) {
        return backend.equals("memory") ? new IndexedMemoryBackend() : new IndexedH2Backend(new MVStore.Builder().open());
    }

    private static MongoBackend plain(String backend) {
        return backend.equals("memory") ? new MemoryBackend() : new H2Backend(new MVStore.Builder().open());
    }

    private static String address(MongoServer server) {
        var socket = server.bind();
        return socket.getHostString() + ":" + socket.getPort();
    }

    private record Pair(MongoCollection<Document> subject, MongoCollection<Document> reference) {
    }

    private static final class Run {

        private final Random random;
        private final Pair pair;
        private final boolean stringIds;
        private int nextId;

        Run(Random random, Pair pair, boolean stringIds) {
            this.random = random;
            this.pair = pair;
            this.stringIds = stringIds;
        }

        void go() {
            both(c -> c.createIndex(new Document("companyId", 1)));
            both(c -> c.createIndex(new Document("companyId", 1).append("statusId", 1)));
            both(c -> c.createIndex(new Document("statusId", 1).append("_id", 1), new IndexOptions().unique(true)));
            for (int i = 0; i < 40; i++) {
                insert();
            }
            // created with data present: the build files what is there
            both(c -> c.createIndex(new Document("a.b", 1)));
            both(c -> c.createIndex(new Document("n", 1).append("companyId", -1)));
            for (int step = 0; step < OPERATIONS; step++) {
                String operation = write();
                for (int q = 0; q < QUERIES_PER_OPERATION; q++) {
                    compareQuery(operation);
                }
            }
        }

        private String write() {
            int choice = random.nextInt(100);
            if (choice < 40) {
                return insert();
            }
            if (choice < 60) {
                Document filter = filter();
                Document update = new Document("$set", randomFields());
                UpdateResult s = pair.subject.updateMany(filter, update);
                UpdateResult r = pair.reference.updateMany(filter, update);
                assertThat(counts(s)).as("updateMany %s %s", filter, update).isEqualTo(counts(r));
                return "updateMany " + filter + " " + update;
            }
            if (choice < 68) {
                Document filter = filter();
                Document update = new Document("$unset", new Document(random.nextBoolean() ? "statusId" : "companyId", ""));
                UpdateResult s = pair.subject.updateOne(filter, update);
                UpdateResult r = pair.reference.updateOne(filter, update);
                assertThat(counts(s)).as("updateOne %s", filter).isEqualTo(counts(r));
                return "updateOne " + filter + " " + update;
            }
            if (choice < 76) {
                Document filter = filter();
                Document sort = sort();
                Document update = new Document("$set", new Document("statusId", pick("s0", "s1", "s9")))
                        .append("$inc", new Document("n", 1));
                FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(sort)
                        .returnDocument(ReturnDocument.AFTER);
                Document s = pair.subject.findOneAndUpdate(filter, update, options);
                Document r = pair.reference.findOneAndUpdate(filter, update, options);
                assertThat(s).as("findOneAndUpdate %s sort %s", filter, sort).isEqualTo(r);
                return "findOneAndUpdate " + filter;
            }
            if (choice < 84) {
                Object id = existingId();
                Document replacement = document(id);
                pair.subject.replaceOne(new Document("_id", id), replacement);
                pair.reference.replaceOne(new Document("_id", id), replacement);
                return "replace " + id;
            }
            if (choice < 90) {
                Object id = newId();
                Document filter = new Document("_id", id).append("companyId", pick("c0", "c1"));
                Document update = new Document("$set", new Document("statusId", "s2"));
                pair.subject.updateOne(filter, update, new UpdateOptions().upsert(true));
                pair.reference.updateOne(filter, update, new UpdateOptions().upsert(true));
                return "upsert " + filter;
            }
            Document filter = filter();
            DeleteResult s = random.nextBoolean() ? pair.subject.deleteOne(filter) : null;
            DeleteResult r = s != null ? pair.reference.deleteOne(filter) : null;
            if (s == null) {
                s = pair.subject.deleteMany(filter);
                r = pair.reference.deleteMany(filter);
            }
            assertThat(s.getDeletedCount()).as("delete %s", filter).isEqualTo(r.getDeletedCount());
            return "delete " + filter;
        }

        private String insert() {
            List<Document> documents = new ArrayList<>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                documents.add(document(newId()));
            }
            pair.subject.insertMany(copies(documents));
            pair.reference.insertMany(copies(documents));
            return "insert " + documents.size();
        }

        private void compareQuery(String afterOperation) {
            Document filter = random.nextInt(10) == 0 ? new Document("statusId", pick("s0", "s1")) : filter();
            Document sort = sort();
            int skip = random.nextInt(4) == 0 ? random.nextInt(5) : 0;
            int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(8) : 0;
            Document projection = random.nextInt(5) == 0 ? new Document("companyId", 1).append("n", 1) : null;
            String what = "find " + filter + " sort " + sort + " skip " + skip + " limit " + limit + " after "
                    + afterOperation;
            assertThat(find(pair.subject, filter, sort, skip, limit, projection)).as(what)
                    .isEqualTo(find(pair.reference, filter, sort, skip, limit, projection));
            assertThat(pair.subject.countDocuments(filter)).as("count " + what)
                    .isEqualTo(pair.reference.countDocuments(filter));
            assertThat(pair.subject.distinct("statusId", filter, BsonValue.class).into(new ArrayList<>()))
                    .as("distinct " + what)
                    .isEqualTo(pair.reference.distinct("statusId", filter, BsonValue.class).into(new ArrayList<>()));
        }

        private static List<Document> find(MongoCollection<Document> collection, Document filter, Document sort,
                                           int skip, int limit, Document projection) {
            FindIterable<Document> found = collection.find(filter).skip(skip).limit(limit);
            if (sort != null) {
                found = found.sort(sort);
            }
            if (projection != null) {
                found = found.projection(projection);
            }
            return found.into(new ArrayList<>());
        }

        /** A filter that usually fixes the company (as the services' lists do), sometimes oddly, plus other terms. */
        private Document filter() {
            List<Document> terms = new ArrayList<>();
            int company = random.nextInt(10);
            if (company < 4) {
                terms.add(new Document("companyId", companyValue()));
            } else if (company < 6) {
                terms.add(new Document("companyId", new Document("$in", java.util.Arrays.asList(companyValue(), companyValue()))));
            } else if (company < 7) {
                terms.add(new Document("companyId", new Document("$eq", companyValue())));
            } else if (company < 8) {
                terms.add(new Document("companyId", new Document("$in", List.of())));
            } else if (company < 9) {
                terms.add(new Document("companyId", new Document("$ne", "c1")));
            }
            if (random.nextBoolean()) {
                terms.add(new Document("statusId", random.nextBoolean() ? pick("s0", "s1", "s2")
                        : new Document("$in", List.of(pick("s0", "s1"), pick("s2", "s3")))));
            }
            if (random.nextInt(3) == 0) {
                terms.add(new Document("n", new Document(pick("$gt", "$gte", "$lt", "$lte"), random.nextInt(20))));
            }
            if (random.nextInt(4) == 0) {
                terms.add(new Document("createdAt", new Document("$gte", new Date(1_700_000_000_000L
                        + random.nextInt(1_000_000)))));
            }
            if (random.nextInt(4) == 0) {
                terms.add(new Document("a.b", random.nextBoolean() ? pick("v0", "v1", "v2")
                        : new Document("$in", List.of(pick("v0", "v1"), "v2"))));
            }
            if (random.nextInt(5) == 0) {
                terms.add(new Document("n", pick(3, 3L, 3.0, 3.5, 7)));
            }
            if (random.nextInt(6) == 0) {
                terms.add(new Document("$or", List.of(new Document("statusId", "s0"),
                        new Document("n", new Document("$lt", 5)))));
            }
            if (random.nextInt(8) == 0) {
                terms.add(new Document("tags", pick("t0", "t1")));
            }
            if (terms.size() > 1 && random.nextInt(3) == 0) {
                return new Document("$and", terms);
            }
            Document filter = new Document();
            for (Document term : terms) {
                for (String key : term.keySet()) {
                    filter.putIfAbsent(key, term.get(key));
                }
            }
            return filter;
        }

        private Object companyValue() {
            int kind = random.nextInt(20);
            if (kind == 0) {
                return null;
            }
            if (kind == 1) {
                return pick(1, 1L, 1.0, 2.5);
            }
            return pick("c0", "c1", "c2", "c3");
        }

        private Document sort() {
            return switch (random.nextInt(6)) {
                case 0, 1 -> null;
                case 2 -> new Document("createdAt", -1);
                case 3 -> new Document("n", 1).append("createdAt", -1);
                case 4 -> new Document("statusId", 1);
                default -> new Document("companyId", -1).append("_id", 1);
            };
        }

        private Document document(Object id) {
            Document document = new Document("_id", id);
            document.putAll(randomFields());
            if (random.nextInt(3) == 0) {
                document.put("tags", List.of(pick("t0", "t1"), pick("t1", "t2")));
            }
            document.put("createdAt", new Date(1_700_000_000_000L + random.nextInt(2_000_000)));
            return document;
        }

        private Document randomFields() {
            Document fields = new Document();
            int company = random.nextInt(30);
            if (company == 0) {
                fields.put("companyId", null);
            } else if (company == 1) {
                fields.put("companyId", List.of("c1", "c2"));
            } else if (company == 2) {
                fields.put("companyId", pick(1, 1L, 1.0, 2.5));
            } else if (company == 3) {
                fields.put("companyId", new Document("x", 1));
            } else if (company > 4) {
                fields.put("companyId", pick("c0", "c1", "c2", "c3"));
            }
            if (random.nextInt(8) != 0) {
                fields.put("statusId", random.nextInt(15) == 0 ? List.of("s0", "s1") : pick("s0", "s1", "s2", "s3"));
            }
            fields.put("n", random.nextBoolean() ? (Object) random.nextInt(20) : (Object) (random.nextInt(20) + 0.5));
            int a = random.nextInt(6);
            if (a < 3) {
                fields.put("a", new Document("b", pick("v0", "v1", "v2")));
            } else if (a == 3) {
                fields.put("a", List.of(new Document("b", "v1"), new Document("b", "v2")));
            } else if (a == 4) {
                fields.put("a", "scalar");
            }
            return fields;
        }

        private Object newId() {
            nextId++;
            return stringIds ? "id-" + Integer.toString(random.nextInt(1_000_000), 36) + "-" + nextId
                    : (Object) new ObjectId();
        }

        private Object existingId() {
            List<Document> all = pair.reference.find().projection(new Document("_id", 1)).into(new ArrayList<>());
            return all.isEmpty() ? newId() : all.get(random.nextInt(all.size())).get("_id");
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private void both(java.util.function.Consumer<MongoCollection<Document>> action) {
            action.accept(pair.subject);
            action.accept(pair.reference);
        }

        private static List<Document> copies(List<Document> documents) {
            List<Document> copies = new ArrayList<>();
            for (Document document : documents) {
                copies.add(Document.parse(document.toJson()));
            }
            return copies;
        }

        private static String counts(UpdateResult result) {
            return result.getMatchedCount() + "/" + result.getModifiedCount();
        }
    }
}
