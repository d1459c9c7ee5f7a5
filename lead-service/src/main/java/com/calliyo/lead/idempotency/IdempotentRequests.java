package com.calliyo.lead.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import com.calliyo.lead.caller.Caller;
import org.springframework.stereotype.Service;

/**
 * Runs a write at most once per {@code Idempotency-Key} of a caller: keys belong to whoever sent them (a user of the
 * company, or an API key), so two callers' equal keys never meet. The first request with a key claims it by inserting
 * an "in progress" record (a unique index on companyId, callerId, scope and key makes concurrent duplicates lose that
 * race), runs, and stores its response; a later request with the same key and the same fingerprint gets that response replayed
 * (header {@code Idempotent-Replayed: true}) without running again. The same key with another fingerprint, or while
 * the first request still runs, is 409.
 * <p>
 * Only successful (2xx) responses are kept: when the write fails (e.g. 400 or 409) the claim is released, so the
 * client can fix the request and retry with the same key. A claim left behind by a crashed instance counts as
 * abandoned after {@code lead.idempotency.abandoned-after}; records are deleted after
 * {@code lead.idempotency.retention}.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    private static final int ATTEMPTS = 3;

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotentRequests(IdempotencyKeys keys, IdempotencyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** As {@link #execute(String, String, String, String, String, Supplier)} for the signed-in caller's keys. */
    public StoredResponse execute(Caller caller, String scope, String key, String fingerprint,
                                  Supplier<StoredResponse> action) {
        return execute(caller.companyId(), caller.userId(), scope, key, fingerprint, action);
    }

    /**
     * Runs {@code action} unless this caller of this company already ran the request identified by {@code key} in
     * {@code scope} (e.g. "POST /api/leads", or one per webhook key); a null key just runs it.
     *
     * @param callerId    whose keys these are: a user id, {@code apikey:<id>}, or the webhook key posting
     * @param fingerprint what makes two requests the same (see {@link RequestFingerprint})
     * @throws IdempotencyKeyException for a malformed key (400), a key reused for another request or one still in
     *                                 progress (409)
     */
    public StoredResponse execute(String companyId, String callerId, String scope, String key, String fingerprint,
                                  Supplier<StoredResponse> action) {
        if (key == null) {
            return action.get();
        }
        if (!isWellFormed(key)) {
            throw IdempotencyKeyException.malformed();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            IdempotencyKeys.Claim claim = keys.claim(companyId, callerId, scope, key, fingerprint, now);
            if (claim != null) {
                return run(claim, action);
            }
            IdempotencyKeys.Existing existing = keys.find(companyId, callerId, scope, key);
            if (existing == null) {
                continue; // released or expired meanwhile: claim it again
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                throw IdempotencyKeyException.reusedForAnotherRequest();
            }
            if (existing.response() != null) {
                return existing.response().withHeader(REPLAYED_HEADER, "true");
            }
            if (existing.claimedAt().isAfter(now.minus(properties.abandonedAfter()))) {
                throw IdempotencyKeyException.stillInProgress();
            }
            IdempotencyKeys.Claim takenOver = keys.takeOver(existing, now);
            if (takenOver != null) {
                return run(takenOver, action);
            }
        }
        throw IdempotencyKeyException.stillInProgress();
    }

    private StoredResponse run(IdempotencyKeys.Claim claim, Supplier<StoredResponse> action) {
        StoredResponse response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            keys.release(claim);
            throw e;
        }
        if (response.isSuccess()) {
            keys.complete(claim, response, clock.instant());
        } else {
            keys.release(claim);
        }
        return response;
    }

    static boolean isWellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
