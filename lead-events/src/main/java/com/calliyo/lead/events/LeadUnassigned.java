package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.lead.unassigned}: the lead was taken away from its agent and has no assignee now
 * ({@code lead.assignedTo} is null). {@code lead.assigned} cannot say this (its {@code toAgentId} is required), so
 * it is a type of its own. Published with the change's other events at the same {@code leadVersion} (the
 * {@code status_changed} back to Unassigned, or {@code updated} when the status stays), which carry the same snapshot.
 * {@code reason} says why; {@value #STALE} is the only one today, and consumers treat an unknown one like it.
 */
public record LeadUnassigned(
        String companyId,
        String leadId,
        long leadVersion,
        Instant occurredAt,
        String actorId,
        LeadSnapshot lead,
        String fromAgentId,
        String reason) implements LeadEvent {

    /** The stale-lead clean-up took the lead back: it had not changed for the company's {@code staleLeads.afterDays}. */
    public static final String STALE = "STALE";
}
