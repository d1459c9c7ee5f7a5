package com.calliyo.lead.auth;

import java.time.Instant;

/**
 * A stored refresh token: only the SHA-256 of the secret the client holds. {@code LIVE} until it is rotated
 * ({@code USED}: presenting it again is reuse) or its session ends ({@code REVOKED}).
 */
record RefreshToken(String hash, String sessionId, String companyId, String userId, String deviceId,
                    Instant issuedAt, Instant expiresAt, State state) {

    enum State { LIVE, USED, REVOKED }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
