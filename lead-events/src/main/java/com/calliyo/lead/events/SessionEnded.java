package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.company.session_ended} on {@code crm.company.events}, keyed by companyId (ce_subject is the
 * userId): one sign-in session of a user ended. Every access token carries its session in the {@code sid} claim;
 * services that check tokens refuse any token of an ended session from then on, without asking lead-service.
 * {@code reason} is {@code LOGOUT} (the user signed out), {@code REFRESH_REUSE} (a rotated refresh token was used
 * again, so the whole session is treated as stolen) or {@code REVOKED} (ended by an admin or by lead-service).
 */
public record SessionEnded(
        String companyId,
        String userId,
        String sessionId,
        Instant occurredAt,
        String actorId,
        String reason) implements CompanyEvent {

    public static final String LOGOUT = "LOGOUT";
    public static final String REFRESH_REUSE = "REFRESH_REUSE";
    public static final String REVOKED = "REVOKED";
}
