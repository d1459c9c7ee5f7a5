package com.calliyo.lead.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The signing keys every lead-service instance shares: the current key, which signs, and the previous keys, which
 * still verify tokens signed before a rotation. Stored as one document whose {@code version} each change
 * compare-and-sets, so a change is one atomic single-document write (the embedded store has no transactions) and
 * two instances rotating at the same moment produce one rotation.
 *
 * <p>The decisions are here, free of storage and crypto: when a rotation is due, and which previous keys a rotation
 * keeps. A previous key must stay published while a token it signed can still be accepted: the access-token lifetime
 * plus the verifiers' clock skew after it stopped signing ({@code retention}). The key a rotation retires is always
 * kept, whatever its age.
 *
 * @param previous newest first
 */
record KeyRing(long version, StoredSigningKey current, List<StoredSigningKey> previous) {

    KeyRing {
        Objects.requireNonNull(current, "current");
        previous = List.copyOf(previous);
    }

    static KeyRing first(StoredSigningKey key, Instant activatedAt) {
        return new KeyRing(1, key.activated(activatedAt), List.of());
    }

    /** Due once the current key has signed for {@code period}. */
    boolean dueForRotation(Instant now, Duration period) {
        return !now.isBefore(current.activatedAt().plus(period));
    }

    /** When the current key is due to be replaced. */
    Instant rotationDueAt(Duration period) {
        return current.activatedAt().plus(period);
    }

    /**
     * {@code fresh} signs from {@code now}; the current key becomes the newest previous key (without its private
     * part); older previous keys are kept only while tokens they signed may still be valid.
     */
    KeyRing rotatedTo(StoredSigningKey fresh, Instant now, Duration retention) {
        if (fresh.kid().equals(current.kid()) || previous.stream().anyMatch(key -> key.kid().equals(fresh.kid()))) {
            throw new IllegalArgumentException("Key id " + fresh.kid() + " is already in the key ring");
        }
        List<StoredSigningKey> kept = new ArrayList<>();
        kept.add(current.retired(now));
        previous.stream().filter(key -> stillVerifies(key, now, retention)).forEach(kept::add);
        return new KeyRing(version + 1, fresh.activated(now), kept);
    }

    /** The same keys with the current key's stored form replaced (e.g. its private key encrypted). */
    KeyRing withCurrent(StoredSigningKey replaced) {
        if (!replaced.kid().equals(current.kid())) {
            throw new IllegalArgumentException("Not the current key: " + replaced.kid());
        }
        return new KeyRing(version + 1, replaced, previous);
    }

    /** Current first, then the previous keys: what the key set publishes. */
    List<StoredSigningKey> published() {
        List<StoredSigningKey> all = new ArrayList<>();
        all.add(current);
        all.addAll(previous);
        return all;
    }

    private static boolean stillVerifies(StoredSigningKey key, Instant now, Duration retention) {
        return key.retiredAt() == null || now.isBefore(key.retiredAt().plus(retention));
    }
}
