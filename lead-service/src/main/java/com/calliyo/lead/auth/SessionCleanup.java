package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes expired refresh tokens and the sessions nobody refreshed in time. The refresh tokens' TTL index does the
 * first on MongoDB; the embedded store has no TTL indexes, and sessions must outlive their expiry until their
 * {@code session_ended} event is out, so this runs everywhere, every {@code lead.auth.cleanup-interval}.
 */
@Component
class SessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final Clock clock;

    SessionCleanup(RefreshTokens refreshTokens, Sessions sessions, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    void deleteExpired() {
        Instant now = clock.instant();
        long tokens = refreshTokens.deleteExpired(now);
        long ended = sessions.deleteExpired(now);
        if (tokens + ended > 0) {
            log.info("Deleted {} expired refresh tokens and {} expired sessions", tokens, ended);
        }
    }
}
