package com.calliyo.lead.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key store against the real (embedded) MongoDB, without a Spring context; the clock is moved by hand. */
class IdempotentRequestsIT {

    private static MongoClient client;
    private static IdempotencyKeys keys;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-11T03:30:00Z"));
    private final IdempotencyProperties properties = new IdempotencyProperties(Duration.ofDays(7), null,
            Duration.ofMinutes(10));
    private final IdempotentRequests requests = new IdempotentRequests(keys, properties, clock);
    private static final String USER = "user-1";
    private final String company = "company-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.shared().mongoUri("leads"));
        keys = new IdempotencyKeys(new MongoTemplate(client, "leads"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void shouldRunOnceAndReplayTheStoredResponse() {
        AtomicInteger runs = new AtomicInteger();

        StoredResponse first = requests.execute(company, USER, "s", "k", "f",
                () -> StoredResponse.json(201, "{\"n\":" + runs.incrementAndGet() + "}").withHeader("Location", "/x"));
        StoredResponse replay = requests.execute(company, USER, "s", "k", "f",
                () -> StoredResponse.json(201, "{\"n\":" + runs.incrementAndGet() + "}"));

        assertThat(runs).hasValue(1);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers()).containsEntry("Location", "/x").containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void shouldScopeKeysByCompanyAndScope() {
        AtomicInteger runs = new AtomicInteger();

        requests.execute(company, USER, "s", "k", "f", () -> StoredResponse.json(200, "" + runs.incrementAndGet()));
        requests.execute(company, USER, "other-scope", "k", "f", () -> StoredResponse.json(200, "" + runs.incrementAndGet()));
        requests.execute("other-" + company, USER, "s", "k", "f", () -> StoredResponse.json(200, "" + runs.incrementAndGet()));

        assertThat(runs).hasValue(3);
    }

    @Test
    void shouldScopeKeysByCallerWithinACompany() {
        AtomicInteger runs = new AtomicInteger();

        StoredResponse mine = requests.execute(company, USER, "s", "k", "f",
                () -> StoredResponse.json(201, "" + runs.incrementAndGet()));
        StoredResponse theirs = requests.execute(company, "user-2", "s", "k", "f",
                () -> StoredResponse.json(201, "" + runs.incrementAndGet()));
        StoredResponse keys = requests.execute(company, "apikey:key-1", "s", "k", "other request",
                () -> StoredResponse.json(201, "" + runs.incrementAndGet()));

        assertThat(runs).hasValue(3);
        assertThat(List.of(mine.body(), theirs.body(), keys.body())).containsExactly("1", "2", "3");
        assertThat(theirs.headers()).doesNotContainKey(IdempotentRequests.REPLAYED_HEADER);
    }

    @Test
    void shouldRefuseARunningRequestUntilItIsAbandoned() {
        keys.claim(company, USER, "s", "k", "f", clock.instant()); // as if another instance were running it

        assertThatThrownBy(() -> requests.execute(company, USER, "s", "k", "f", () -> StoredResponse.json(200, "{}")))
                .isInstanceOf(IdempotencyKeyException.class).hasMessageContaining("still being processed");
        clock.advance(Duration.ofMinutes(11));
        assertThat(requests.execute(company, USER, "s", "k", "f", () -> StoredResponse.json(200, "taken over")).body())
                .isEqualTo("taken over");
    }

    @Test
    void shouldNotKeepFailures() {
        assertThatThrownBy(() -> requests.execute(company, USER, "s", "k", "f", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        requests.execute(company, USER, "s", "k", "f", () -> StoredResponse.json(409, "{}"));

        assertThat(requests.execute(company, USER, "s", "k", "f", () -> StoredResponse.json(200, "ok")).body())
                .isEqualTo("ok");
    }

    @Test
    void shouldDeleteKeysOlderThanTheRetentionAndKeepNewerOnes() {
        requests.execute(company, USER, "s", "old", "f", () -> StoredResponse.json(200, "{}"));
        clock.advance(Duration.ofDays(6));
        requests.execute(company, USER, "s", "recent", "f", () -> StoredResponse.json(200, "{}"));
        clock.advance(Duration.ofDays(2));

        long deleted = new IdempotencyKeyCleanup(keys, properties, clock).deleteExpired();

        assertThat(deleted).isPositive();
        assertThat(client.getDatabase("leads").getCollection(IdempotencyKeys.COLLECTION)
                .find(new Document("companyId", company)).map(doc -> doc.getString("key"))
                .into(new ArrayList<>())).containsExactly("recent");
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
