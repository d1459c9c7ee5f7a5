package com.calliyo.tokencheck.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.events.UserChanged;

/**
 * What this process knows of revoked access, from {@code crm.company.events}: per user the newest ban flag and
 * {@code tokensValidAfter}, and the sign-in sessions that ended. Checking a token is two map look-ups, so no request
 * waits for lead-service. Entries that can no longer void a live token (older than the lookback, which is longer
 * than a token lives) are dropped; bans are kept, they are few and final until lifted.
 */
public class RevokedAccess {

    private final Map<String, UserState> users = new ConcurrentHashMap<>();
    private final Map<String, Instant> endedSessions = new ConcurrentHashMap<>();
    private final Duration lookback;
    private final Clock clock;

    public RevokedAccess(Duration lookback, Clock clock) {
        this.lookback = lookback;
        this.clock = clock;
    }

    /** Keeps the newest state of the user; an older or repeated event changes nothing. */
    public void apply(UserChanged change) {
        users.merge(key(change.companyId(), change.userId()),
                new UserState(change.userVersion(), change.banned(), change.tokensValidAfter()),
                (kept, offered) -> offered.version() > kept.version() ? offered : kept);
    }

    public void apply(SessionEnded ended) {
        if (ended.sessionId() != null) {
            endedSessions.putIfAbsent(ended.sessionId(), ended.occurredAt() == null ? clock.instant()
                    : ended.occurredAt());
        }
    }

    /**
     * Why a token of this user, issued at {@code issuedAt} in session {@code sessionId}, may no longer be used; empty
     * when nothing known voids it. JWT issue times have whole seconds, so a token counts as older than a change only
     * when it was issued in an earlier second: a fresh sign-in right after a change must work, and the ended sessions
     * cover the older tokens of that same second.
     */
    public Optional<String> reasonToRefuse(String companyId, String userId, Instant issuedAt, String sessionId) {
        if (sessionId != null && endedSessions.containsKey(sessionId)) {
            return Optional.of("The session of this token has ended; sign in again");
        }
        UserState user = users.get(key(companyId, userId));
        if (user == null) {
            return Optional.empty();
        }
        if (user.banned()) {
            return Optional.of("User is banned / inactive");
        }
        if (user.tokensValidAfter() != null && (issuedAt == null
                || issuedAt.isBefore(user.tokensValidAfter().truncatedTo(ChronoUnit.SECONDS)))) {
            return Optional.of("The token was issued before the user's role or credentials changed; sign in again");
        }
        return Optional.empty();
    }

    /** Forgets what can no longer matter: sessions and changes older than the lookback (bans stay). */
    public void forgetOlderThanLookback() {
        Instant horizon = clock.instant().minus(lookback);
        endedSessions.values().removeIf(endedAt -> endedAt.isBefore(horizon));
        users.values().removeIf(user -> !user.banned()
                && (user.tokensValidAfter() == null || user.tokensValidAfter().isBefore(horizon)));
    }

    int size() {
        return users.size() + endedSessions.size();
    }

    private static String key(String companyId, String userId) {
        return companyId + '/' + userId;
    }

    private record UserState(long version, boolean banned, Instant tokensValidAfter) {
    }
}
