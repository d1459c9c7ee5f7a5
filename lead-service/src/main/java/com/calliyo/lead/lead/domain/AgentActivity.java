package com.calliyo.lead.lead.domain;

import java.time.Instant;

/** What an agent did over a period, counted from the company's leads: the phone's dashboard figures. */
public interface AgentActivity {

    /** Calls the user logged that started in [from, to). */
    long callsStarted(String companyId, String userId, Instant from, Instant to);

    /** Leads credited to the user as converted in [from, to) that are still customers. */
    long conversions(String companyId, String userId, Instant from, Instant to);
}
