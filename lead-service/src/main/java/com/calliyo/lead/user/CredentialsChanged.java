package com.calliyo.lead.user;

import java.time.Instant;

/**
 * A user's {@code tokensValidAfter} moved (a ban, a role or a password change): whatever lets them stay signed in
 * without their password (refresh tokens) must end now. Published in-process after the change is stored.
 */
public record CredentialsChanged(String companyId, String userId, Instant at) {
}
