package com.calliyo.order.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import com.calliyo.order.web.ApiException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs a create at most once per {@code Idempotency-Key} and company. The first request claims the key by inserting
 * a document whose {@code _id} is (companyId, scope, key), so keys of different companies never meet and concurrent
 * duplicates lose the insert race; it then runs and stores its response. A later request with the same key and the
 * same fingerprint (the request body as parsed, so formatting does not matter) gets that response replayed; with
 * another fingerprint it is 409, as is a duplicate while the first still runs. A failed request releases its key,
 * so the client can fix the request and retry with it. A claim older than {@link #ABANDONED_AFTER} without a
 * response (its instance crashed) is taken over.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final int MAX_KEY_LENGTH = 255;
    private static final int ATTEMPTS = 3;

    private final MongoCollection<Document> keys;
    private final Clock clock;

    IdempotentRequests(MongoTemplate mongo) {
        this.keys = mongo.getCollection("idempotency_keys");
        this.keys.createIndex(Indexes.ascending("createdAt"),
                new IndexOptions().expireAfter(1L, java.util.concurrent.TimeUnit.DAYS));
        this.clock = Clock.systemUTC();
    }

    /** The outcome: the response to send, and whether it is a replay. */
    public record Outcome(StoredResponse response, boolean replayed) {
    }

    public Outcome execute(String companyId, String scope, String key, Object request,
                           Supplier<StoredResponse> action) {
        if (key == null) {
            return new Outcome(action.get(), false);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "must be 1 to 255 visible ASCII characters", HEADER, Map.of());
        }
        Document id = new Document("companyId", companyId).append("scope", scope).append("key", key);
        String fingerprint = fingerprint(request);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            if (claim(id, fingerprint, now)) {
                return new Outcome(run(id, action), false);
            }
            Document existing = keys.find(new Document("_id", id)).first();
            if (existing == null) {
                continue; // released meanwhile
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                throw conflict("was already used for a different request");
            }
            Document response = existing.get("response", Document.class);
            if (response != null) {
                return new Outcome(new StoredResponse(response.getInteger("status"), response.getString("location"),
                        response.getString("body")), true);
            }
            if (existing.getDate("createdAt").toInstant().isAfter(now.minus(ABANDONED_AFTER))) {
                throw conflict("belongs to a request that is still running; retry shortly");
            }
            keys.deleteOne(new Document("_id", id).append("createdAt", existing.getDate("createdAt")));
        }
        throw conflict("belongs to a request that is still running; retry shortly");
    }

    private boolean claim(Document id, String fingerprint, Instant now) {
        try {
            keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint)
                    .append("createdAt", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private StoredResponse run(Document id, Supplier<StoredResponse> action) {
        StoredResponse response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            keys.deleteOne(new Document("_id", id));
            throw e;
        }
        keys.updateOne(new Document("_id", id), Updates.set("response", new Document("status", response.status())
                .append("location", response.location())
                .append("body", response.body())));
        return response;
    }

    private static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "Idempotency key conflict", message, HEADER, Map.of());
    }

    /** A digest of the request as parsed ({@code toString} of a record lists every component in order). */
    static String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
