package com.calliyo.lead.company;

import java.util.List;

/**
 * Settings → Configurations as the API shows and takes it. Every member is required on PUT; wrapper types so that a
 * missing one is reported by name instead of silently becoming 0 or false.
 */
record ConfigurationBody(Integer dailyCallTarget, String showCustomerTo, AutoAssignment autoAssignment, TopUp topUp,
                         StaleLeads staleLeads, OrderModule orderModule) {

    record AutoAssignment(Boolean enabled, List<String> statuses, String runAt) {
    }

    record TopUp(Boolean enabled, String runAt) {
    }

    record StaleLeads(Boolean enabled, Integer afterDays) {
    }

    record OrderModule(Boolean enabled) {
    }

    static ConfigurationBody of(CompanyConfiguration configuration) {
        return new ConfigurationBody(configuration.dailyCallTarget(), configuration.showCustomerTo(),
                new AutoAssignment(configuration.autoAssignment().enabled(),
                        configuration.autoAssignment().statuses(), configuration.autoAssignment().runAt()),
                new TopUp(configuration.topUp().enabled(), configuration.topUp().runAt()),
                new StaleLeads(configuration.staleLeads().enabled(), configuration.staleLeads().afterDays()),
                new OrderModule(configuration.orderModuleEnabled()));
    }
}
