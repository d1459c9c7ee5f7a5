package com.calliyo.lead.lead.application;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Lead;

/**
 * Agents work only the leads assigned to them; anyone else in the company sees all. A lead an agent may not see is
 * answered exactly like a missing one (404), so its existence does not leak.
 */
public final class LeadAccess {

    private LeadAccess() {
    }

    public static boolean canSee(Caller caller, Lead lead) {
        return caller.seesAllLeads() || caller.userId().equals(lead.assignedTo());
    }
}
