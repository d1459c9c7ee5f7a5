package com.calliyo.lead.auth;

import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.user.CredentialsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends a user's sessions and revokes their refresh tokens when a ban, a role or a password change moves their
 * {@code tokensValidAfter}. Every service refuses tokens issued before that instant, but token issue times have
 * whole seconds: a token issued in the same second just before the change is caught by its ended session
 * ({@code session_ended}, reason {@code REVOKED}). A refresh checks {@code tokensValidAfter} by itself as well, so a
 * crash between the change and this revocation still lets no refresh through.
 */
@Component
class SignInRevocation {

    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final SessionEvents events;

    SignInRevocation(RefreshTokens refreshTokens, Sessions sessions, SessionEvents events) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.events = events;
    }

    @EventListener
    void revoke(CredentialsChanged change) {
        refreshTokens.revokeUser(change.companyId(), change.userId(), change.at());
        sessions.activeOf(change.companyId(), change.userId()).forEach(session -> sessions.end(session.id(),
                SessionEnded.REVOKED, events.sessionEnded(session, SessionEvents.SYSTEM, SessionEnded.REVOKED,
                        change.at()), change.at()));
    }
}
