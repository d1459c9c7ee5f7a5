package com.calliyo.lead.company;

import java.util.List;

/** The settings of Settings → Configurations; a new company starts with {@link #defaults()}. */
public record CompanyConfiguration(int dailyCallTarget, String showCustomerTo, Schedule autoAssignment,
                                   Schedule topUp, StaleLeads staleLeads, boolean orderModuleEnabled) {

    static CompanyConfiguration defaults() {
        return new CompanyConfiguration(50, "ALL", new Schedule(false, List.of(), "09:00"),
                new Schedule(false, List.of(), "08:00"), new StaleLeads(false, 30), true);
    }

    public record Schedule(boolean enabled, List<String> statuses, String runAt) {
    }

    public record StaleLeads(boolean enabled, int afterDays) {
    }
}
