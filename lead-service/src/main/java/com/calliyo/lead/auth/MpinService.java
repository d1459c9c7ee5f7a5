package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.mobile.MobileSettingsStore;
import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Setting mPINs: the user changes their own (knowing the current one, which counts towards the lockout like a
 * sign-in), an admin resets anyone's in the company, which ends that user's mobile sessions at once (their
 * {@code session_ended}, reason {@code REVOKED}, reaches every service through token-check's revocation feed).
 * mPINs are hashed with the password hasher and have the company's configured length.
 */
@Service
class MpinService {

    private final Mpins mpins;
    private final Users users;
    private final MobileSettingsStore settings;
    private final PasswordEncoder hasher;
    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final SessionEvents events;
    private final Clock clock;

    MpinService(Mpins mpins, Users users, MobileSettingsStore settings, PasswordEncoder hasher, Sessions sessions,
                RefreshTokens refreshTokens, SessionEvents events, Clock clock) {
        this.mpins = mpins;
        this.users = users;
        this.settings = settings;
        this.hasher = hasher;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.clock = clock;
    }

    void change(Caller caller, String current, String next, String confirm) {
        if (caller.isApiKey()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "An mPIN belongs to a user, not an API key");
        }
        Instant now = clock.instant();
        Mpins.Mpin stored = mpins.find(caller.userId()).filter(found -> found.companyId().equals(caller.companyId()))
                .orElseThrow(() -> MpinRules.refused(HttpStatus.BAD_REQUEST, "current", MpinRules.INVALID_MPIN));
        if (stored.lockedAt(now)) {
            throw new MpinLockedException(stored.lockedUntil());
        }
        if (current == null || !hasher.matches(current, stored.hash())) {
            mpins.wrongGuess(caller.userId(), MpinRules.WRONG_GUESSES_BEFORE_LOCK, MpinRules.LOCK, now)
                    .ifPresent(until -> {
                        throw new MpinLockedException(until);
                    });
            throw MpinRules.refused(HttpStatus.BAD_REQUEST, "current", MpinRules.INVALID_MPIN);
        }
        checkShape(caller.companyId(), next, "new");
        if (!next.equals(confirm)) {
            throw MpinRules.refused(HttpStatus.BAD_REQUEST, "confirm", "does not match the new M-PIN");
        }
        mpins.set(caller.companyId(), caller.userId(), hasher.encode(next), now);
    }

    /** An admin sets a user's mPIN (the one given, or a random one) and ends the user's mobile sessions. */
    Reset reset(Caller caller, String userId, String requested) {
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can reset an mPIN");
        }
        User user = users.find(caller.companyId(), userId).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "Not found", "No user with id " + userId));
        int length = settings.of(caller.companyId()).mpinLength();
        String mpin = requested == null ? MpinRules.random(length) : requested;
        checkShape(caller.companyId(), mpin, "mpin");
        Instant now = clock.instant();
        mpins.set(user.companyId(), user.id(), hasher.encode(mpin), now);
        List<Session> mobile = sessions.activeOf(user.companyId(), user.id()).stream().filter(Session::mobile)
                .toList();
        for (Session session : mobile) {
            sessions.end(session.id(), SessionEnded.REVOKED,
                    events.sessionEnded(session, caller.userId(), SessionEnded.REVOKED, now), now);
            refreshTokens.revokeSession(session.id(), now);
        }
        return new Reset(user.id(), mpin, mobile.size());
    }

    private void checkShape(String companyId, String mpin, String field) {
        int length = settings.of(companyId).mpinLength();
        if (!MpinRules.hasLength(mpin, length)) {
            throw MpinRules.refused(HttpStatus.BAD_REQUEST, field, "must be " + length + " digits");
        }
    }

    record Reset(String userId, String mpin, int mobileSessionsEnded) {
    }
}
