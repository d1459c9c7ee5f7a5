package com.calliyo.lead.activity;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Lead;

/** Who owns a new follow-up: the lead's assignee (spec F4), or whoever schedules it on a lead nobody is assigned. */
final class Owners {

    private Owners() {
    }

    static String of(Lead lead, Caller caller) {
        return lead.assignedTo() != null ? lead.assignedTo() : caller.userId();
    }
}
