package com.calliyo.lead.company;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.LeadStatus;

/**
 * Checks a requested configuration against the company's pipeline and turns it into the stored form; every problem
 * is reported at once, each naming its field ({@code autoAssignment.runAt}, {@code autoAssignment.statuses[1]}, ...).
 */
final class ConfigurationRules {

    private static final Pattern RUN_AT = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    static final int MAX_DAILY_CALL_TARGET = 10_000;
    static final int MAX_AFTER_DAYS = 3650;
    private static final Set<String> SHOW_CUSTOMER_TO = Set.of("ALL", "AGENT_ONLY");

    private final List<Map<String, String>> errors = new ArrayList<>();
    private final Set<String> deletedButSaved;

    private ConfigurationRules(Set<String> deletedButSaved) {
        this.deletedButSaved = deletedButSaved;
    }

    /** The configuration to store; {@link InvalidConfigurationException} (400) listing every invalid field. */
    static CompanyConfiguration validate(ConfigurationBody body, List<LeadStatus> pipeline) {
        return validate(body, pipeline, Set.of());
    }

    /**
     * As {@link #validate(ConfigurationBody, List)}, except that an auto-assignment status that is no longer in the
     * pipeline but is among {@code deletedButSaved} (the stored configuration named it before an admin deleted it)
     * is dropped instead of refused, so the configuration a client read before the delete can be saved again.
     */
    static CompanyConfiguration validate(ConfigurationBody body, List<LeadStatus> pipeline,
                                         Set<String> deletedButSaved) {
        ConfigurationRules rules = new ConfigurationRules(deletedButSaved);
        CompanyConfiguration valid = rules.check(body, pipeline);
        if (!rules.errors.isEmpty()) {
            throw new InvalidConfigurationException(rules.errors);
        }
        return valid;
    }

    private CompanyConfiguration check(ConfigurationBody body, List<LeadStatus> pipeline) {
        if (body == null) {
            reject("body", "is required");
            return null;
        }
        Integer target = body.dailyCallTarget();
        if (target == null || target < 0 || target > MAX_DAILY_CALL_TARGET) {
            reject("dailyCallTarget", "must be a whole number from 0 to " + MAX_DAILY_CALL_TARGET);
        }
        if (body.showCustomerTo() == null || !SHOW_CUSTOMER_TO.contains(body.showCustomerTo())) {
            reject("showCustomerTo", "must be ALL or AGENT_ONLY");
        }
        CompanyConfiguration.Schedule auto = autoAssignment(body.autoAssignment(), pipeline);
        CompanyConfiguration.Schedule topUp = topUp(body.topUp());
        CompanyConfiguration.StaleLeads stale = staleLeads(body.staleLeads());
        Boolean orders = body.orderModule() == null ? null : body.orderModule().enabled();
        if (orders == null) {
            reject("orderModule.enabled", "is required");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new CompanyConfiguration(target, body.showCustomerTo(), auto, topUp, stale, orders);
    }

    private CompanyConfiguration.Schedule autoAssignment(ConfigurationBody.AutoAssignment auto,
                                                         List<LeadStatus> pipeline) {
        if (auto == null) {
            reject("autoAssignment", "is required");
            return null;
        }
        requireEnabled("autoAssignment.enabled", auto.enabled());
        String runAt = runAt("autoAssignment.runAt", auto.runAt());
        if (auto.statuses() == null) {
            reject("autoAssignment.statuses", "is required (a list of status ids, possibly empty)");
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < auto.statuses().size(); i++) {
            String id = auto.statuses().get(i);
            LeadStatus status = pipeline.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
            String field = "autoAssignment.statuses[" + i + "]";
            if (status == null && deletedButSaved.contains(id)) {
                continue; // deleted since the configuration was saved: nothing left to assign from
            }
            if (status == null) {
                reject(field, "is not a status id of this company");
            } else if (status.kind() == StatusKind.CUSTOMER) {
                reject(field, "is the Customer status; customers are never reassigned");
            } else {
                ids.add(id);
            }
        }
        return new CompanyConfiguration.Schedule(Boolean.TRUE.equals(auto.enabled()), List.copyOf(ids), runAt);
    }

    private CompanyConfiguration.Schedule topUp(ConfigurationBody.TopUp topUp) {
        if (topUp == null) {
            reject("topUp", "is required");
            return null;
        }
        requireEnabled("topUp.enabled", topUp.enabled());
        return new CompanyConfiguration.Schedule(Boolean.TRUE.equals(topUp.enabled()), List.of(),
                runAt("topUp.runAt", topUp.runAt()));
    }

    private CompanyConfiguration.StaleLeads staleLeads(ConfigurationBody.StaleLeads stale) {
        if (stale == null) {
            reject("staleLeads", "is required");
            return null;
        }
        requireEnabled("staleLeads.enabled", stale.enabled());
        if (stale.afterDays() == null || stale.afterDays() < 1 || stale.afterDays() > MAX_AFTER_DAYS) {
            reject("staleLeads.afterDays", "must be a whole number of days from 1 to " + MAX_AFTER_DAYS);
            return null;
        }
        return new CompanyConfiguration.StaleLeads(Boolean.TRUE.equals(stale.enabled()), stale.afterDays());
    }

    private String runAt(String field, String value) {
        if (value == null || !RUN_AT.matcher(value).matches()) {
            reject(field, "must be a time of day as HH:mm (00:00 to 23:59), in the company's timezone");
        }
        return value;
    }

    private void requireEnabled(String field, Boolean enabled) {
        if (enabled == null) {
            reject(field, "is required");
        }
    }

    private void reject(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }
}
