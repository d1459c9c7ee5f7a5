package com.calliyo.lead.auth;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The key ring in the {@code signing_keys} collection, as one document ({@code _id: "keyring"}). It is created by
 * an insert (two instances starting together: the second meets the {@code _id} and reads the first's) and changed
 * only by a compare-and-set on its {@code version}: one single-document atomic write, no transaction.
 *
 * <p>The code before key rotation kept one key pair, private key in plain base64, under {@code _id: "primary"}; it is
 * read once to migrate it into the ring and then deleted, so no plain private key stays behind.
 */
class SigningKeyStore {

    static final String COLLECTION = "signing_keys";
    static final String RING_ID = "keyring";
    static final String LEGACY_ID = "primary";

    private final MongoCollection<Document> keys;

    SigningKeyStore(MongoTemplate mongo) {
        this.keys = mongo.getCollection(COLLECTION);
    }

    /** The ring, or {@code null} before the first start that created it. */
    KeyRing load() {
        Document stored = keys.find(new Document("_id", RING_ID)).first();
        return stored == null ? null : toRing(stored);
    }

    /** @return false when another instance created the ring first */
    boolean create(KeyRing ring) {
        try {
            keys.insertOne(toDocument(ring));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Stores {@code next} if the stored ring is still at {@code expectedVersion}; false if someone changed it. */
    boolean replace(long expectedVersion, KeyRing next) {
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("A change moves the version by one: " + expectedVersion + " -> "
                    + next.version());
        }
        return keys.replaceOne(new Document("_id", RING_ID).append("version", expectedVersion), toDocument(next))
                .getModifiedCount() == 1;
    }

    /** The key written by the code before rotation, private key in plain base64, or {@code null}. */
    StoredSigningKey loadLegacy() {
        Document stored = keys.find(new Document("_id", LEGACY_ID)).first();
        if (stored == null) {
            return null;
        }
        Instant createdAt = stored.getDate("createdAt") == null ? Instant.EPOCH
                : stored.getDate("createdAt").toInstant();
        return new StoredSigningKey(stored.getString("kid"), createdAt, createdAt, null, stored.getString("publicKey"),
                stored.getString("privateKey"), false);
    }

    void deleteLegacy() {
        keys.deleteOne(new Document("_id", LEGACY_ID));
    }

    private static Document toDocument(KeyRing ring) {
        return new Document("_id", RING_ID)
                .append("version", ring.version())
                .append("current", toDocument(ring.current()))
                .append("previous", ring.previous().stream().map(SigningKeyStore::toDocument).toList());
    }

    private static Document toDocument(StoredSigningKey key) {
        Document document = new Document("kid", key.kid())
                .append("createdAt", date(key.createdAt()))
                .append("activatedAt", date(key.activatedAt()))
                .append("retiredAt", date(key.retiredAt()))
                .append("publicKey", key.publicKey());
        if (key.hasPrivateKey()) {
            document.append(key.privateKeyEncrypted() ? "encryptedPrivateKey" : "privateKey", key.privateKey());
        }
        return document;
    }

    private static KeyRing toRing(Document stored) {
        List<Document> previous = stored.getList("previous", Document.class, List.of());
        return new KeyRing(((Number) stored.get("version")).longValue(), toKey(stored.get("current", Document.class)),
                previous.stream().map(SigningKeyStore::toKey).toList());
    }

    private static StoredSigningKey toKey(Document stored) {
        String encrypted = stored.getString("encryptedPrivateKey");
        return new StoredSigningKey(stored.getString("kid"), instant(stored.getDate("createdAt")),
                instant(stored.getDate("activatedAt")), instant(stored.getDate("retiredAt")),
                stored.getString("publicKey"), encrypted != null ? encrypted : stored.getString("privateKey"),
                encrypted != null);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
