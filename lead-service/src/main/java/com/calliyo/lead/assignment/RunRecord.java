package com.calliyo.lead.assignment;

import java.time.Instant;

/**
 * What one run of a job did, as Run Now answers it and the last-run panel shows it. For the assignment jobs
 * {@code agents} is how many agents received leads and {@code leftUnassigned} how many candidates stayed where they
 * were because every agent was at cap; for stale-lead clean-up {@code leftUnassigned} is how many leads went back to
 * Unassigned and {@code agents} how many agents they were taken from.
 */
public record RunRecord(JobKind job, Instant ranAt, int assigned, int agents, int leftUnassigned, String summary,
                        String trigger, String triggeredBy) {

    static final String SCHEDULED = "SCHEDULED";
    static final String RUN_NOW = "RUN_NOW";

    static String assignmentSummary(int assigned, int agents, int leftUnassigned) {
        return count(assigned, "lead") + " assigned across " + count(agents, "agent") + ", " + leftUnassigned
                + " unassigned (agents at cap)";
    }

    /** "1 lead", "2 leads", "0 leads". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String staleSummary(int released, int agents, int afterDays) {
        return released + " stale " + (released == 1 ? "lead" : "leads") + " returned to Unassigned from "
                + count(agents, "agent") + " (no activity for "
                + afterDays + " days)";
    }
}
