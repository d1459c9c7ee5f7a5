package com.calliyo.reporting.report;

import java.util.Locale;

/** The {@code groupBy} values across the reports; each report accepts its own subset. */
public enum GroupBy {
    /** The lead's agent: while a customer the credited (converting) agent, otherwise the assignee. */
    AGENT,
    SOURCE,
    /** A lead counts under each of its tags (case-insensitive); a lead without tags is only in the total. */
    TAG,
    CAMPAIGN,
    /** The order's plan (revenue only). */
    PLAN;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
