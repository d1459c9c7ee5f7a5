package com.calliyo.lead.company;

import java.util.Collection;
import java.util.List;

/** The settings of Settings → Configurations; a new company starts with {@link #defaults()}. */
public record CompanyConfiguration(int dailyCallTarget, String showCustomerTo, Schedule autoAssignment,
                                   Schedule topUp, StaleLeads staleLeads, boolean orderModuleEnabled) {

    static CompanyConfiguration defaults() {
        return new CompanyConfiguration(50, "ALL", new Schedule(false, List.of(), "09:00"),
                new Schedule(false, List.of(), "08:00"), new StaleLeads(false, 30), true);
    }

    /**
     * The configuration without the auto-assignment statuses that are no longer in the pipeline: deleting a status
     * does not rewrite the configuration (another document), so the stored list may still name it.
     */
    CompanyConfiguration withStatusesIn(Collection<String> pipelineStatusIds) {
        List<String> kept = autoAssignment.statuses().stream().filter(pipelineStatusIds::contains).toList();
        if (kept.size() == autoAssignment.statuses().size()) {
            return this;
        }
        return new CompanyConfiguration(dailyCallTarget, showCustomerTo,
                new Schedule(autoAssignment.enabled(), kept, autoAssignment.runAt()), topUp, staleLeads,
                orderModuleEnabled);
    }

    public record Schedule(boolean enabled, List<String> statuses, String runAt) {
    }

    public record StaleLeads(boolean enabled, int afterDays) {
    }
}
