package com.calliyo.reporting.facts;

import java.time.Instant;

/**
 * One logged call (a CALL timeline entry, by its id) as of the last leadVersion that stated it: who made it, when it
 * started, its status and duration. A call logged IN_PROGRESS is completed by a later call.logged of the same call
 * id, which replaces this fact.
 */
public record CallFact(
        String callId,
        String companyId,
        String leadId,
        String actorId,
        Instant occurredAt,
        String callStatus,
        int durationSeconds) {

    /** An attempt is a completed call, whatever its status: an IN_PROGRESS call is not one until it completes. */
    public boolean attempt() {
        return !CallStatuses.is(callStatus, CallStatuses.IN_PROGRESS);
    }

    /**
     * Connected ⇔ a completed call with duration &gt; 0, whatever status was picked (spec K1): the contract has no
     * "connected" status (CALLED, FOLLOW_UP and RESCHEDULED may be logged with 0 s and BUSY with talk time), and
     * api.md and the event catalogue define connected by duration.
     */
    public boolean connected() {
        return attempt() && durationSeconds > 0;
    }

    /** Missed ⇔ logged with status MISSED (mostly inbound calls the agent did not pick up), not "0 seconds". */
    public boolean missed() {
        return CallStatuses.is(callStatus, CallStatuses.MISSED);
    }

    /** The agent the call counts for; a pseudo-user is no one ({@link AgentIds}). */
    public String agent() {
        return AgentIds.person(actorId);
    }
}
