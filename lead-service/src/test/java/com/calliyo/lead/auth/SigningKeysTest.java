package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several instances sharing one key ring in a real (embedded) MongoDB-wire store. */
class SigningKeysTest {

    static final Duration PERIOD = Duration.ofDays(30);
    static final Duration RETENTION = Duration.ofMinutes(16);

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    KeyEncryption encryption = KeyEncryption.fromBase64(KeyEncryptionTest.randomKey());

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        String address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        mongo = new MongoTemplate(client, "leads");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldCreateOneKeyOnFirstStartStoredEncryptedAndShareItWithTheNextInstance() throws Exception {
        SigningKeys first = instance();
        SigningKeys second = instance();

        assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
        Document current = ringDocument().get("current", Document.class);
        assertThat(current.getString("kid")).isEqualTo(first.signingKey().getKeyID());
        assertThat(current).containsKey("encryptedPrivateKey").doesNotContainKey("privateKey");
        String plainPrivate = Base64.getEncoder().encodeToString(first.signingKey().toRSAPrivateKey().getEncoded());
        assertThat(ringDocument().toJson()).doesNotContain(plainPrivate);
        assertThat(first.publishedKeys().getKeys()).singleElement().satisfies(published -> {
            assertThat(published.isPrivate()).isFalse();
            assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
    }

    @Test
    void shouldMigrateTheKeyTheCodeBeforeRotationStoredInPlainText() throws Exception {
        RSAKey old = new RSAKeyGenerator(2048).keyID("legacy-kid").generate();
        String plainPrivate = Base64.getEncoder().encodeToString(old.toRSAPrivateKey().getEncoded());
        mongo.getCollection(SigningKeyStore.COLLECTION).insertOne(new Document("_id", "primary")
                .append("kid", "legacy-kid")
                .append("publicKey", Base64.getEncoder().encodeToString(old.toRSAPublicKey().getEncoded()))
                .append("privateKey", plainPrivate)
                .append("createdAt", Date.from(clock.instant().minus(Duration.ofDays(2)))));

        SigningKeys keys = instance();

        assertThat(keys.signingKey().getKeyID()).isEqualTo("legacy-kid");
        assertThat(keys.signingKey().toRSAPrivateKey().getEncoded()).isEqualTo(old.toRSAPrivateKey().getEncoded());
        assertThat(mongo.getCollection(SigningKeyStore.COLLECTION).find(new Document("_id", "primary")).first())
                .as("no plain private key left behind").isNull();
        assertThat(ringDocument().get("current", Document.class)).containsKey("encryptedPrivateKey")
                .doesNotContainKey("privateKey");
        assertThat(ringDocument().toJson()).doesNotContain(plainPrivate);
        // tokens signed before the upgrade still verify: same kid, same key, still due on the old key's schedule
        assertThat(keys.ring().rotationDueAt(PERIOD)).isEqualTo(clock.instant().minus(Duration.ofDays(2)).plus(PERIOD));
    }

    @Test
    void shouldEncryptAKeyStoredInPlainTextOnceAKeyEncryptionKeyIsGiven() throws Exception {
        SigningKeys unencrypted = instance(null);
        assertThat(ringDocument().get("current", Document.class)).containsKey("privateKey");

        SigningKeys encrypted = instance(encryption);

        assertThat(encrypted.signingKey().getKeyID()).isEqualTo(unencrypted.signingKey().getKeyID());
        assertThat(encrypted.signingKey().toRSAPrivateKey().getEncoded())
                .isEqualTo(unencrypted.signingKey().toRSAPrivateKey().getEncoded());
        assertThat(ringDocument().get("current", Document.class)).containsKey("encryptedPrivateKey")
                .doesNotContainKey("privateKey");
    }

    @Test
    void shouldRefuseToStartWithAnotherKeyEncryptionKeyOrWithoutOne() {
        instance();

        assertThatThrownBy(() -> instance(KeyEncryption.fromBase64(KeyEncryptionTest.randomKey())))
                .hasMessageContaining("CALLIYO_KEY_ENCRYPTION_KEY is not the key it was encrypted with");
        assertThatThrownBy(() -> instance(null))
                .hasMessageContaining("is stored encrypted, but no CALLIYO_KEY_ENCRYPTION_KEY");
    }

    @Test
    void shouldNotStartWithoutAKeyEncryptionKeyUnlessPlainKeysAreAllowed() {
        assertThatThrownBy(() -> SigningKeys.encryption(new SigningKeyProperties("", false, "", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CALLIYO_KEY_ENCRYPTION_KEY")
                .hasMessageContaining("lead.auth.allow-unencrypted-keys=true");
        assertThat(SigningKeys.encryption(new SigningKeyProperties("", true, "", null))).isNull();
        assertThatThrownBy(() -> SigningKeys.encryption(new SigningKeyProperties("c2hvcnQ=", false, "", null)))
                .hasMessageContaining("CALLIYO_KEY_ENCRYPTION_KEY").hasMessageContaining("32 bytes");
        assertThat(SigningKeys.encryption(new SigningKeyProperties(KeyEncryptionTest.randomKey(), false, "", null)))
                .isNotNull();
    }

    @Test
    void shouldLetAnotherInstanceSeeARotationAtItsNextRefresh() {
        SigningKeys a = instance();
        SigningKeys b = instance();
        String before = a.signingKey().getKeyID();

        KeyRing rotated = a.rotate();

        assertThat(a.signer().kid()).isEqualTo(rotated.current().kid()).isNotEqualTo(before);
        assertThat(kids(a)).containsExactly(rotated.current().kid(), before);
        assertThat(b.signer().kid()).as("not yet refreshed").isEqualTo(before);
        b.refresh();
        assertThat(b.signer().kid()).isEqualTo(rotated.current().kid());
        assertThat(kids(b)).containsExactly(rotated.current().kid(), before);
        assertThat(ringDocument().get("previous", List.class)).singleElement()
                .satisfies(previous -> assertThat((Document) previous).doesNotContainKeys("privateKey",
                        "encryptedPrivateKey"));
    }

    @Test
    void shouldVerifyAKeyIdAnotherInstanceJustRotatedToWithoutWaitingForTheRefresh() throws Exception {
        SigningKeys a = instance();
        SigningKeys b = instance();
        String fresh = a.rotate().current().kid();

        List<JWK> found = b.verificationKeys()
                .get(new JWKSelector(new JWKMatcher.Builder().keyID(fresh).build()), null);

        assertThat(found).extracting(JWK::getKeyID).containsExactly(fresh);
        assertThat(b.verificationKeys().get(new JWKSelector(new JWKMatcher.Builder().keyID("nobody").build()), null))
                .isEmpty();
    }

    @Test
    void shouldRotateOnScheduleOnlyOnceThePeriodIsOver() {
        SigningKeys keys = instance();
        String first = keys.signer().kid();

        clock.advance(PERIOD.minusSeconds(1));
        assertThat(keys.refreshAndRotateIfDue()).isFalse();
        assertThat(keys.signer().kid()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.refreshAndRotateIfDue()).isTrue();
        assertThat(keys.signer().kid()).isNotEqualTo(first);
        assertThat(kids(keys)).endsWith(first);
        assertThat(keys.refreshAndRotateIfDue()).as("the new key has its own period").isFalse();
    }

    @Test
    void shouldNotRotateOnScheduleWhenTheScheduleIsOff() {
        SigningKeys keys = new SigningKeys(new SigningKeyStore(mongo), clock, encryption, PERIOD, RETENTION, false);
        String first = keys.signer().kid();
        clock.advance(PERIOD.multipliedBy(2));

        assertThat(keys.refreshAndRotateIfDue()).isFalse();
        assertThat(keys.signer().kid()).isEqualTo(first);
    }

    @Test
    void shouldRotateOnceWhenSeveralInstancesFindTheRotationDueAtTheSameMoment() throws Exception {
        int instances = 4;
        List<SigningKeys> all = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            all.add(instance());
        }
        clock.advance(PERIOD);
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (SigningKeys keys : all) {
                results.add(pool.submit(() -> {
                    together.await();
                    return keys.refreshAndRotateIfDue();
                }));
            }
            int rotations = 0;
            for (Future<Boolean> result : results) {
                rotations += result.get() ? 1 : 0;
            }
            assertThat(rotations).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(((Number) ringDocument().get("version")).longValue()).isEqualTo(2);
        String current = ringDocument().get("current", Document.class).getString("kid");
        all.forEach(keys -> assertThat(keys.signer().kid()).isEqualTo(current));
        assertThat(ringDocument().get("previous", List.class)).hasSize(1);
    }

    @Test
    void shouldCompareAndSetTheRingsVersion() {
        instance();
        SigningKeyStore store = new SigningKeyStore(mongo);
        KeyRing ring = store.load();
        StoredSigningKey x = new StoredSigningKey("x", clock.instant(), null, null, "pub-x", "priv-x", false);
        StoredSigningKey y = new StoredSigningKey("y", clock.instant(), null, null, "pub-y", "priv-y", false);

        assertThat(store.replace(ring.version(), ring.rotatedTo(x, clock.instant(), RETENTION))).isTrue();
        assertThat(store.replace(ring.version(), ring.rotatedTo(y, clock.instant(), RETENTION)))
                .as("a second change from the same version").isFalse();
        assertThat(store.load().version()).isEqualTo(ring.version() + 1);
        assertThat(store.load().current().kid()).isEqualTo("x");
    }

    @Test
    void shouldPublishOnlyThePreviousKeysWhoseTokensMayStillBeValid() {
        SigningKeys keys = instance();
        String a = keys.signer().kid();
        String b = keys.rotate().current().kid();
        clock.advance(Duration.ofMinutes(5));
        String c = keys.rotate().current().kid();
        assertThat(kids(keys)).containsExactly(c, b, a);

        clock.advance(RETENTION.minusMinutes(5));
        String d = keys.rotate().current().kid();

        // a stopped signing 16 minutes ago: its tokens have expired; b stopped 11 minutes ago
        assertThat(kids(keys)).containsExactly(d, c, b);
    }

    SigningKeys instance() {
        return instance(encryption);
    }

    SigningKeys instance(KeyEncryption with) {
        return new SigningKeys(new SigningKeyStore(mongo), clock, with, PERIOD, RETENTION, true);
    }

    Document ringDocument() {
        return mongo.getCollection(SigningKeyStore.COLLECTION).find(new Document("_id", "keyring")).first();
    }

    static List<String> kids(SigningKeys keys) {
        return keys.publishedKeys().getKeys().stream().map(JWK::getKeyID).toList();
    }

    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
