package com.calliyo.lead.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.calliyo.lead.LeadServiceApplication;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.localstack.testing.TestInfrastructure;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmark talks to. By default it starts lead-service in this JVM on a fresh company, with the in-process
 * Kafka broker and its own mongo-java-server (memory backend like the ITs, or {@code -Dbench.store=h2}: the H2 file
 * backend of the local stack, which keeps the data off the heap);
 * with {@code -Dbench.baseUrl} it uses a running service or gateway instead (and {@code -Dbench.mongoUri} for the raw
 * insert measurement, {@code -Dbench.token} for an {@code Authorization: Bearer} header).
 */
final class BenchTarget implements AutoCloseable {

    final String baseUrl;
    final String mongoUri;
    final String token;
    final String description;
    private final ConfigurableApplicationContext app;
    private final MongoServer store;

    private BenchTarget(String baseUrl, String mongoUri, String token, String description,
                        ConfigurableApplicationContext app, MongoServer store) {
        this.baseUrl = baseUrl;
        this.mongoUri = mongoUri;
        this.token = token;
        this.description = description;
        this.app = app;
        this.store = store;
    }

    static BenchTarget fromSystemProperties() throws Exception {
        String baseUrl = System.getProperty("bench.baseUrl");
        String token = System.getProperty("bench.token");
        if (baseUrl != null && !baseUrl.isBlank()) {
            String mongoUri = System.getProperty("bench.mongoUri", "mongodb://127.0.0.1:27017/leads");
            String url = baseUrl.replaceAll("/$", "");
            return new BenchTarget(url, mongoUri, token != null ? token : signedUpAdmin(url),
                    baseUrl + " (running stack)", null, null);
        }
        boolean memory = !"h2".equals(System.getProperty("bench.store"));
        MongoServer store;
        if (memory) {
            store = new MongoServer(new MemoryBackend());
        } else {
            Path file = Files.createTempDirectory("capture-bench").resolve("leads.mv");
            // as the local stack opens it (MongoWireServer): a 128 MB page cache
            store = new MongoServer(new H2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(128)
                    .open()));
        }
        InetSocketAddress address = store.bind();
        String mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/leads";
        boolean relay = Boolean.parseBoolean(System.getProperty("bench.relay", "true"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadServiceApplication.class)
                .profiles("test")
                .run("--server.port=0", // command-line arguments: they win over application.yml
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.shared().kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + mongoUri,
                        "--lead.default-company-id=bench-" + UUID.randomUUID(),
                        "--lead.outbox.relay-enabled=" + relay,
                        "--logging.level.root=warn");
        String port = app.getEnvironment().getProperty("local.server.port");
        String url = "http://127.0.0.1:" + port;
        return new BenchTarget(url, mongoUri, token != null ? token : signedUpAdmin(url),
                "in-test lead-service, mongo-java-server " + (memory ? "memory" : "H2") + " backend, outbox relay "
                        + (relay ? "on" : "off"), app, store);
    }

    /** The admin token of a company signed up for this run, so the leads land in a company of their own. */
    private static String signedUpAdmin(String baseUrl) {
        return new LeadServiceApi(baseUrl).signUpCompany().adminToken();
    }

    boolean inThisJvm() {
        return app != null;
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        if (store != null) {
            store.shutdownNow();
        }
    }
}
