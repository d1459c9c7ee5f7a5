package com.calliyo.lead.lead.domain;

/**
 * The seven outcomes an agent picks when logging a call (spec §3.4). Only FOLLOW_UP and RESCHEDULED have an effect on
 * the lead (they schedule a follow-up and move it to the Followups status); the others leave its status alone.
 */
public enum CallStatus {
    CALLED, BUSY, NO_ANSWER, MISSED, IN_PROGRESS, FOLLOW_UP, RESCHEDULED;

    public boolean schedulesFollowUp() {
        return this == FOLLOW_UP || this == RESCHEDULED;
    }
}
