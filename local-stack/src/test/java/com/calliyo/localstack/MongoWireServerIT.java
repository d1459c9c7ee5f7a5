package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The H2-backed store commits on its own thread: writes reach the file within a second and survive a restart. */
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

    private static MongoCollection<Document> leads(MongoClient client) {
        return client.getDatabase("leads").getCollection("leads");
    }
}
