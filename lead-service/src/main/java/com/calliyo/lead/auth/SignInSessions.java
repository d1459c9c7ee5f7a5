package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.calliyo.lead.apikey.SecretTokens;
import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Sessions from sign-in to sign-out. A login starts a session and hands out its first refresh token; each refresh
 * rotates it (the old token dies, the new one lives {@code refreshTokenTtl} from now). A rotated token presented
 * again means two parties hold the session, so the whole session ends ({@code REFRESH_REUSE}). Every refusal looks
 * the same to the client: "sign in again".
 */
@Service
class SignInSessions {

    /** What {@link SecretTokens#generate} makes without a prefix: 32 random bytes, URL-safe base64, no padding. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /**
     * Two tabs (or a retry after a lost answer) refresh with the same token at once: one wins, the others get 401
     * and keep the session. Reuse later than this is treated as theft and ends the session.
     */
    static final Duration CONCURRENT_REFRESH_LEEWAY = Duration.ofSeconds(10);

    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final Users users;
    private final TokenIssuer accessTokens;
    private final SessionEvents events;
    private final AuthProperties properties;
    private final Clock clock;

    SignInSessions(Sessions sessions, RefreshTokens refreshTokens, Users users, TokenIssuer accessTokens,
                   SessionEvents events, AuthProperties properties, Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new web session for a user whose email and password were just checked. */
    Grant start(User user, String deviceId) {
        return start(user, deviceId, Session.WEB);
    }

    /** A new session of this channel ({@link Session#WEB} or {@link Session#MOBILE}) for a user just checked. */
    Grant start(User user, String deviceId, String channel) {
        Instant now = now();
        Session session = new Session(UUID.randomUUID().toString(), user.companyId(), user.id(), deviceId, now,
                false, channel);
        sessions.start(session, now.plus(properties.refreshTokenTtl()));
        return grant(session, user, now);
    }

    /** Trades a live refresh token for a new access token and a new refresh token of the same session. */
    Grant refresh(String refreshToken) {
        if (!TOKEN_SHAPE.matcher(refreshToken).matches()) {
            throw signInAgain();
        }
        String hash = SecretTokens.hash(refreshToken);
        Instant now = now();
        Optional<RefreshToken> taken = refreshTokens.use(hash, now);
        if (taken.isEmpty()) {
            refreshTokens.find(hash).filter(token -> token.state() == RefreshToken.State.USED)
                    .filter(used -> !used.usedWithin(CONCURRENT_REFRESH_LEEWAY, now))
                    .ifPresent(reused -> endAfterReuse(reused, now));
            throw signInAgain();
        }
        RefreshToken used = taken.get();
        if (used.expiredAt(now)) {
            throw signInAgain();
        }
        // Checked after the token was taken: a sign-out that ended the session meanwhile wins.
        Session session = sessions.find(used.sessionId()).filter(found -> !found.ended()).orElseThrow(
                SignInSessions::signInAgain);
        User user = users.findById(session.userId()).filter(found -> found.companyId().equals(session.companyId()))
                .filter(found -> mayStillRefresh(found, session)).orElse(null);
        if (user == null) {
            refreshTokens.revokeSession(session.id(), now);
            throw signInAgain();
        }
        sessions.extend(session.id(), now.plus(properties.refreshTokenTtl()));
        return grant(session, user, now);
    }

    /**
     * Ends the caller's session (the {@code sid} of their access token) and revokes its refresh tokens. A refresh
     * token sent along must be one of that session's.
     */
    void logout(String companyId, String userId, String sessionId, String refreshToken) {
        Session session = Optional.ofNullable(sessionId).flatMap(sessions::find)
                .filter(found -> found.belongsTo(companyId, userId) && !found.ended())
                .orElseThrow(SignInSessions::sessionOver);
        if (refreshToken != null && refreshToken.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "must not be blank", "refreshToken",
                    Map.of());
        }
        if (refreshToken != null && !ofSession(refreshToken, session)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "is not a refresh token of this session",
                    "refreshToken", Map.of());
        }
        Instant now = now();
        if (!sessions.end(session.id(), SessionEnded.LOGOUT,
                events.sessionEnded(session, userId, SessionEnded.LOGOUT, now), now)) {
            throw sessionOver();
        }
        refreshTokens.revokeSession(session.id(), now);
    }

    private void endAfterReuse(RefreshToken reused, Instant now) {
        sessions.find(reused.sessionId()).ifPresent(session -> sessions.end(session.id(), SessionEnded.REFRESH_REUSE,
                events.sessionEnded(session, SessionEvents.SYSTEM, SessionEnded.REFRESH_REUSE, now), now));
        refreshTokens.revokeSession(reused.sessionId(), now);
    }

    private boolean ofSession(String refreshToken, Session session) {
        return TOKEN_SHAPE.matcher(refreshToken).matches() && refreshTokens.find(SecretTokens.hash(refreshToken))
                .filter(token -> token.sessionId().equals(session.id())).isPresent();
    }

    /** Not banned, and no ban, role or password change since the sign-in (those move {@code tokensValidAfter}). */
    private static boolean mayStillRefresh(User user, Session session) {
        return !user.banned()
                && (user.tokensValidAfter() == null || !session.startedAt().isBefore(user.tokensValidAfter()));
    }

    private Grant grant(Session session, User user, Instant now) {
        String refreshToken = SecretTokens.generate("");
        refreshTokens.insert(new RefreshToken(SecretTokens.hash(refreshToken), session.id(), session.companyId(),
                session.userId(), session.deviceId(), now, now.plus(properties.refreshTokenTtl()),
                RefreshToken.State.LIVE, null));
        return new Grant(session.id(), accessTokens.issue(user, session.id(), session.channel()), refreshToken,
                properties.refreshTokenTtl().toSeconds(), user);
    }

    /** Millisecond precision, as stored: a session must compare with {@code tokensValidAfter} as it will be read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ApiException signInAgain() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "The refresh token is invalid, expired or revoked; sign in again");
    }

    private static ApiException sessionOver() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "This session has ended; sign in again");
    }

    /** What a sign-in or a refresh hands the client. */
    record Grant(String sessionId, TokenIssuer.IssuedToken accessToken, String refreshToken,
                 long refreshExpiresInSeconds, User user) {
    }
}
