package com.calliyo.reporting.facts;

import java.time.Instant;

/** One logged call (a CALL timeline entry, by its id): who made it, when, its status and duration. */
public record CallFact(
        String callId,
        String companyId,
        String leadId,
        String actorId,
        Instant occurredAt,
        String callStatus,
        int durationSeconds) {

    /** Connected ⇔ duration &gt; 0, whatever status was picked (spec K1). */
    public boolean connected() {
        return durationSeconds > 0;
    }
}
