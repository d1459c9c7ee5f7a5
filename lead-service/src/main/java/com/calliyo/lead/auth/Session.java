package com.calliyo.lead.auth;

import java.time.Instant;

/**
 * One sign-in: every refresh token rotated from one login (its family) and every access token whose {@code sid}
 * names it. {@code startedAt} is compared with the user's {@code tokensValidAfter}: a ban, a role or a password change
 * after the sign-in ends the session's right to refresh. {@code channel} says how the user signed in ({@link #WEB}
 * or {@link #MOBILE}); sessions stored before it existed read as web.
 */
record Session(String id, String companyId, String userId, String deviceId, Instant startedAt, boolean ended,
               String channel) {

    /** A sign-in with email and password (the web client, or any client that uses them). */
    static final String WEB = "web";
    /** A sign-in with mobile number and mPIN: an admin's mPIN reset ends exactly these. */
    static final String MOBILE = "mobile";

    boolean mobile() {
        return MOBILE.equals(channel);
    }

    boolean belongsTo(String companyId, String userId) {
        return this.companyId.equals(companyId) && this.userId.equals(userId);
    }
}
