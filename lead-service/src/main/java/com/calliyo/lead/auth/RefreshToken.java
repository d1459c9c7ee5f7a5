package com.calliyo.lead.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A stored refresh token: only the SHA-256 of the secret the client holds. {@code LIVE} until it is rotated
 * ({@code USED} at {@code usedAt}: presenting it again is reuse) or its session ends ({@code REVOKED}).
 */
record RefreshToken(String hash, String sessionId, String companyId, String userId, String deviceId,
                    Instant issuedAt, Instant expiresAt, State state, Instant usedAt) {

    enum State { LIVE, USED, REVOKED }

    /** Rotated no longer than {@code leeway} ago: presented again by a second tab or a retry, not by a thief. */
    boolean usedWithin(Duration leeway, Instant now) {
        return state == State.USED && usedAt != null && !usedAt.plus(leeway).isBefore(now);
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
