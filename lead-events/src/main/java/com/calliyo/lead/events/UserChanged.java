package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.company.user_changed} on {@code crm.company.events}, keyed by companyId (ce_subject is the
 * userId): a user of the company was created or changed. Read models keep it to show people by name (report rows,
 * the agent who converted a customer). {@code userVersion} grows by one with each change of the user, so consumers
 * keep the newest per userId. {@code role} is ADMIN, MANAGER or AGENT.
 *
 * <p>{@code tokensValidAfter} (added within v1; absent from events published before it) is the instant before which
 * every access token of the user is void: a ban, a role change and a password change move it to the time of the
 * change. Every service that checks tokens refuses a token whose {@code iat} is earlier, and any token of a banned
 * user, without asking lead-service.
 */
public record UserChanged(
        String companyId,
        String userId,
        long userVersion,
        Instant occurredAt,
        String actorId,
        String name,
        String role,
        boolean banned,
        Instant tokensValidAfter) implements CompanyEvent {
}
