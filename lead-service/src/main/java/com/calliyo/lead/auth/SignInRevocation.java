package com.calliyo.lead.auth;

import com.calliyo.lead.user.CredentialsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Revokes a user's refresh tokens when a ban, a role or a password change moves their {@code tokensValidAfter}.
 * A refresh checks {@code tokensValidAfter} by itself as well, so a crash between the change and this revocation
 * still lets no refresh through.
 */
@Component
class SignInRevocation {

    private final RefreshTokens refreshTokens;

    SignInRevocation(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @EventListener
    void revoke(CredentialsChanged change) {
        refreshTokens.revokeUser(change.companyId(), change.userId(), change.at());
    }
}
