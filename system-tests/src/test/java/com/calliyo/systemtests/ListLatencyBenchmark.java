package com.calliyo.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * List latency with a crowded store (issue 15): {@code bench.leads} leads in the measured company and as many in
 * another, plus a fifth as many customers in each, bulk-loaded with insertMany straight into the running stack's
 * MongoDB in the services' own document shape (one lead created and converted through the gateway is the template),
 * then the lists a user opens, each requested {@code bench.times} (7) times through the gateway: median and
 * slowest. Reported, never asserted. A second run with {@code -Dbench.load=false} measures the same data again
 * (e.g. after restarting the stack with or without the embedded store's ordered indexes); {@code
 * -Dbench.measure=false} only loads. Each answer's {@code total} and ids are printed as a fingerprint, so that two
 * runs on the same data can be checked for identical answers. Run by name:
 * <pre>
 * ./mvnw -B -o -pl system-tests -am test -Dtest=ListLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.gateway=http://127.0.0.1:8080 -Dbench.mongo=mongodb://127.0.0.1:27017 -Dbench.leads=100000 \
 *     [-Dbench.load=false] [-Dbench.times=7] [-Dbench.label=after] [-Dbench.report=path]
 * </pre>
 */
class ListLatencyBenchmark {

    private static final String ADMIN = "list-bench@example.com";
    private static final String PASSWORD = "bench-password";
    private static final String OTHER_COMPANY = "list-bench-other-company";
    private static final int BATCH = 1_000;

    @Test
    void measureListsInACrowdedStore() throws Exception {
        Gateway gateway = new Gateway(System.getProperty("bench.gateway", "http://127.0.0.1:8080"));
        String mongoUri = System.getProperty("bench.mongo", "mongodb://127.0.0.1:27017");
        int leads = Integer.getInteger("bench.leads", 100_000);
        String label = System.getProperty("bench.label", "");
        String h2File = System.getProperty("bench.h2-file");
        if (h2File != null) {
            loadOffline(Path.of(h2File), leads);
            return;
        }
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            if (Boolean.parseBoolean(System.getProperty("bench.load", "true"))) {
                load(gateway, mongo, leads);
            }
            if (!Boolean.parseBoolean(System.getProperty("bench.measure", "true"))) {
                return; // a load-only run (bench-lists.sh loads with a large page cache, then restarts to measure)
            }
            JsonNode session = login(gateway);
            Gateway admin = gateway.as(session.get("accessToken").asString());
            String adminId = session.get("user").get("id").asString();
            JsonNode statuses = admin.get("/api/settings/statuses").json();
            String rareStatus = statuses.get(statuses.size() - 2).get("id").asString();
            List<String> lines = new ArrayList<>();
            String out = System.getProperty("bench.report");
            for (String path : List.of("/api/leads?size=100", "/api/leads?size=100&page=50",
                    "/api/leads?size=100&status=" + rareStatus, "/api/leads?size=100&page=50&status=" + rareStatus,
                    "/api/leads?size=100&assignedTo=" + adminId, "/api/tasks", "/api/customers?size=100",
                    "/api/customers?size=100&page=50")) {
                String line = measure(admin, path, label);
                lines.add(line);
                System.out.print(line);
                if (out != null) { // line by line: a later failure keeps what was measured
                    Files.writeString(Path.of(out), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
            // The collection's size from its metadata (a countDocuments of everything is an aggregation over every
            // document, which the embedded store took long enough for the client's handshake to time out).
            String store = String.format(Locale.ROOT, "list store leads=%d customers=%d%n",
                    mongo.getDatabase("leads").getCollection("leads").estimatedDocumentCount(),
                    mongo.getDatabase("customers").getCollection("customers").estimatedDocumentCount());
            System.out.print(store);
            if (out != null) {
                Files.writeString(Path.of(out), store, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    private static String measure(Gateway admin, String path, String label) {
        // An untimed first request, repeated while it is not answered (at most bench.warmup-seconds): a store
        // building an index on first use (the H2 store's ordered indexes) is measured warm, the build shown apart.
        String warmup = "";
        long warmupSeconds = Long.getLong("bench.warmup-seconds", 0);
        if (warmupSeconds > 0) {
            long started = System.nanoTime();
            int tries = 0;
            int status;
            do {
                status = admin.get(path).status();
                tries++;
            } while (status != 200 && System.nanoTime() - started < warmupSeconds * 1_000_000_000L);
            warmup = String.format(Locale.ROOT, " (first answer %d after %d ms, %d tries)", status,
                    (System.nanoTime() - started) / 1_000_000, tries);
        }
        int times = Integer.getInteger("bench.times", 7);
        long[] millis = new long[times];
        List<Integer> statuses = new ArrayList<>();
        String fingerprint = "-";
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            Gateway.Response response = admin.get(path);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            if (response.status() != 200) {
                statuses.add(response.status());
            } else {
                fingerprint = fingerprint(response.json());
            }
        }
        java.util.Arrays.sort(millis);
        return String.format(Locale.ROOT, "list %s %s p50 %d ms max %d ms %s%s%s%n", label, path, millis[times / 2],
                millis[times - 1], fingerprint,
                statuses.isEmpty() ? "" : " (answers other than 200: " + statuses + ")", warmup);
    }

    /** The page's total, size and a hash of its ids in order: equal fingerprints, equal answers. */
    private static String fingerprint(JsonNode page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            // a lead carries id, a task its lead inside (lead.id), a customer leadId
            JsonNode id = item.has("id") ? item.get("id")
                    : item.has("leadId") ? item.get("leadId") : item.path("lead").path("id");
            ids.add(id.asString());
        }
        return String.format(Locale.ROOT, "[total %s, %d items, ids %08x]", page.path("total").asString(),
                ids.size(), String.join(",", ids).hashCode());
    }

    private static void load(Gateway gateway, MongoClient mongo, int leads) {
        Gateway.Response created = gateway.post("/api/companies", "{\"companyName\":\"List Bench\","
                + "\"timezone\":\"Asia/Kolkata\",\"adminName\":\"Bench\",\"adminEmail\":\"" + ADMIN
                + "\",\"adminPassword\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode session = login(gateway);
        Gateway admin = gateway.as(session.get("accessToken").asString());
        String adminId = session.get("user").get("id").asString();
        // The template: one lead through the API, converted, so that both documents have the services' own shape.
        Gateway.Response lead = admin.post("/api/leads",
                "{\"firstName\":\"Template\",\"phone\":\"+919200000001\",\"tags\":[\"bench\"]}");
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        String leadId = lead.json().get("id").asString();
        assertThat(admin.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/customers/" + leadId).status() == 200);

        MongoCollection<Document> leadStore = mongo.getDatabase("leads").getCollection("leads");
        MongoCollection<Document> customerStore = mongo.getDatabase("customers").getCollection("customers");
        Document leadTemplate = leadStore.find(new Document("_id", leadId)).first();
        Document customerTemplate = customerStore.find(new Document("_id", leadId)).first();
        String companyId = leadTemplate.getString("companyId");
        List<Document> statuses = new ArrayList<>();
        for (JsonNode status : admin.get("/api/settings/statuses").json()) {
            if (!"CUSTOMER".equals(status.get("kind").asString())) {
                statuses.add(new Document("_id", status.get("id").asString())
                        .append("name", status.get("name").asString()).append("kind", status.get("kind").asString()));
            }
        }
        long started = System.nanoTime();
        insert(leadStore, leads, i -> lead(leadTemplate, companyId, statuses, adminId, i));
        insert(leadStore, leads, i -> lead(leadTemplate, OTHER_COMPANY, statuses, null, i));
        insert(customerStore, leads / 5, i -> customer(customerTemplate, companyId, i));
        insert(customerStore, leads / 5, i -> customer(customerTemplate, OTHER_COMPANY, i));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "list load %d documents in %.0f s%n", 2 * leads + 2 * (leads / 5), seconds);
    }

    /**
     * The bulk of the load with the stack stopped: the H2 file opened in this JVM with a page cache large enough to
     * hold it (the stack's 128 MB cache made insertMany crawl at about 30 documents/s on 2 loaded cores, as every
     * insert reads the unique indexes' pages back from the file), the templates and statuses taken from what a
     * first, partial {@code bench.load} through the running stack stored. Tops the measured company up to {@code
     * leads} and fills the other company and both companies' customers.
     */
    private static void loadOffline(Path file, int leads) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(2048).autoCommitDisabled().open();
        MongoServer server = new MongoServer(new H2Backend(store));
        var address = server.bind();
        try (MongoClient mongo = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> leadStore = mongo.getDatabase("leads").getCollection("leads");
            MongoCollection<Document> customerStore = mongo.getDatabase("customers").getCollection("customers");
            Document leadTemplate = leadStore.find(new Document("firstName", "Template")).first();
            Document customerTemplate = customerStore.find(new Document("_id", leadTemplate.getString("_id"))).first();
            String companyId = leadTemplate.getString("companyId");
            List<Document> statuses = new ArrayList<>();
            leadStore.distinct("status", new Document("companyId", companyId)
                    .append("status.kind", new Document("$ne", "CUSTOMER")), Document.class).into(statuses);
            statuses.sort(java.util.Comparator.comparing(status -> status.getString("_id")));
            String agent = leadStore.find(new Document("assignedTo", new Document("$exists", true))
                    .append("companyId", companyId)).first().getString("assignedTo");
            int present = (int) leadStore.countDocuments(new Document("companyId", companyId)) - 1;
            long started = System.nanoTime();
            insert(leadStore, present, leads, i -> lead(leadTemplate, companyId, statuses, agent, i));
            insert(leadStore, 0, leads, i -> lead(leadTemplate, OTHER_COMPANY, statuses, null, i));
            insert(customerStore, 0, leads / 5, i -> customer(customerTemplate, companyId, i));
            insert(customerStore, 0, leads / 5, i -> customer(customerTemplate, OTHER_COMPANY, i));
            System.out.printf(Locale.ROOT, "list load offline %d documents in %.0f s%n",
                    leads - present + leads + 2 * (leads / 5), (System.nanoTime() - started) / 1e9);
        } finally {
            server.shutdownNow(); // closes the backend: commits the store
        }
    }

    private static void insert(MongoCollection<Document> store, int count,
                               java.util.function.IntFunction<Document> document) {
        insert(store, 0, count, document);
    }

    private static void insert(MongoCollection<Document> store, int first, int count,
                               java.util.function.IntFunction<Document> document) {
        for (int from = first; from < count; from += BATCH) {
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                batch.add(document.apply(i));
            }
            store.insertMany(batch);
        }
    }

    /** A copy of the template with its own id, phone, name, age and status; no pending events (nothing to relay). */
    private static Document lead(Document template, String companyId, List<Document> statuses, String agent, int i) {
        Document lead = Document.parse(template.toJson());
        String phone = "+91" + (9300000000L + i);
        lead.put("_id", UUID.randomUUID().toString());
        lead.put("companyId", companyId);
        lead.put("phone", phone);
        lead.put("companyPhone", companyId + "|" + phone);
        lead.put("firstName", "Lead" + i);
        lead.put("email", "lead" + i + "@example.com");
        lead.put("status", statuses.get(i % statuses.size()));
        lead.put("createdAt", Date.from(Instant.now().minusSeconds(60L * i)));
        lead.put("pendingEvents", List.of());
        lead.put("version", 1L);
        if (agent != null && i % 100 == 0) {
            lead.put("assignedTo", agent); // 1% of the company's leads in the admin's own queue
        } else {
            lead.remove("assignedTo");
        }
        return lead;
    }

    private static Document customer(Document template, String companyId, int i) {
        Document customer = Document.parse(template.toJson());
        customer.put("_id", UUID.randomUUID().toString());
        customer.put("companyId", companyId);
        customer.put("phone", "+91" + (9400000000L + i));
        customer.put("firstName", "Customer" + i);
        customer.put("convertedAt", Date.from(Instant.now().minusSeconds(60L * i)));
        return customer;
    }

    /** The login answer: {@code accessToken} and {@code user.id}. */
    private static JsonNode login(Gateway gateway) {
        // Retried while the gateway times out: a crowded store just opened answers its first reads slowly.
        Gateway.Response login;
        long started = System.nanoTime();
        do {
            login = gateway.post("/api/auth/login",
                    "{\"email\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}");
        } while (login.status() >= 502 && System.nanoTime() - started < 300_000_000_000L);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json();
    }
}
