package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The H2-backed store commits on its own thread: writes reach the file within a second and survive a restart; a
 * stopped server refuses clients and, restarted, serves the data it had (in memory too).
 */
class MongoWireServerIT {

    @TempDir
    Path data;

    @Test
    void shouldKeepWhatWasWrittenAcrossARestart() {
        Path file = data.resolve("mongo").resolve("calliyo.mv");
        int port = FreePorts.take(1)[0];
        try (MongoWireServer server = MongoWireServer.start(port, file);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            leads(client).insertOne(new Document("_id", "lead-1").append("firstName", "Asha"));
        }

        try (MongoWireServer server = MongoWireServer.start(port, file);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            assertThat(leads(client).find(new Document("_id", "lead-1")).first().getString("firstName"))
                    .isEqualTo("Asha");
        }
    }

    @Test
    void shouldCommitToTheFileWhileRunning() {
        Path file = data.resolve("calliyo.mv");
        int port = FreePorts.take(1)[0];
        try (MongoWireServer server = MongoWireServer.start(port, file);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            long before = file.toFile().length();
            for (int i = 0; i < 200; i++) {
                leads(client).insertOne(new Document("_id", "lead-" + i).append("note", "x".repeat(500)));
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> file.toFile().length() > before + 50_000);
        }
    }

    @Test
    void shouldRefuseClientsWhileStoppedAndServeTheSameDataAfterARestartInMemory() {
        int port = FreePorts.take(1)[0];
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .build();
        try (MongoWireServer server = MongoWireServer.start(port, null);
             MongoClient client = MongoClients.create(settings)) {
            leads(client).insertOne(new Document("_id", "lead-1").append("firstName", "Asha"));

            server.stop();
            assertThat(server.isListening()).isFalse();
            assertThatThrownBy(() -> leads(client).find(new Document("_id", "lead-1")).first())
                    .isInstanceOf(MongoException.class);

            server.restart();
            Document found = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> leads(client).find(new Document("_id", "lead-1")).first(), doc -> doc != null);
            assertThat(found.getString("firstName")).isEqualTo("Asha");
        }
    }

    private static MongoCollection<Document> leads(MongoClient client) {
        return client.getDatabase("leads").getCollection("leads");
    }
}
