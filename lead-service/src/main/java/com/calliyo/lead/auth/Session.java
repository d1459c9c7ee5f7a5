package com.calliyo.lead.auth;

import java.time.Instant;

/**
 * One sign-in: every refresh token rotated from one login (its family) and every access token whose {@code sid}
 * names it. {@code startedAt} is compared with the user's {@code tokensValidAfter}: a ban, a role or a password change
 * after the sign-in ends the session's right to refresh.
 */
record Session(String id, String companyId, String userId, String deviceId, Instant startedAt, boolean ended) {

    boolean belongsTo(String companyId, String userId) {
        return this.companyId.equals(companyId) && this.userId.equals(userId);
    }
}
