package com.calliyo.web.settings.configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The company's configuration as the form holds it (flat names; checkboxes send nothing when unticked) and the
 * body of {@code PUT /api/settings/configuration}, which wants every member. Numbers that are not whole numbers are
 * sent as typed, so the API names the field.
 */
public record ConfigurationForm(String dailyCallTarget, String showCustomerTo, Boolean autoAssignmentEnabled,
                                List<String> autoAssignmentStatuses, String autoAssignmentRunAt,
                                Boolean topUpEnabled, String topUpRunAt, Boolean staleLeadsEnabled,
                                String staleLeadsAfterDays, Boolean orderModuleEnabled) {

    public ConfigurationForm {
        autoAssignmentStatuses = autoAssignmentStatuses == null ? List.of() : List.copyOf(autoAssignmentStatuses);
    }

    static ConfigurationForm of(Map<String, Object> api) {
        Map<?, ?> auto = map(api.get("autoAssignment"));
        Map<?, ?> topUp = map(api.get("topUp"));
        Map<?, ?> stale = map(api.get("staleLeads"));
        Map<?, ?> orders = map(api.get("orderModule"));
        List<String> statuses = auto.get("statuses") instanceof List<?> ids
                ? ids.stream().map(String::valueOf).toList() : List.of();
        return new ConfigurationForm(text(api.get("dailyCallTarget")), text(api.get("showCustomerTo")),
                on(auto.get("enabled")), statuses, text(auto.get("runAt")), on(topUp.get("enabled")),
                text(topUp.get("runAt")), on(stale.get("enabled")), text(stale.get("afterDays")),
                on(orders.get("enabled")));
    }

    public boolean names(String statusId) {
        return autoAssignmentStatuses.contains(statusId);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dailyCallTarget", number(dailyCallTarget));
        body.put("showCustomerTo", showCustomerTo);
        body.put("autoAssignment", ordered("enabled", isOn(autoAssignmentEnabled), "statuses", autoAssignmentStatuses,
                "runAt", text(autoAssignmentRunAt)));
        body.put("topUp", ordered("enabled", isOn(topUpEnabled), "runAt", text(topUpRunAt)));
        body.put("staleLeads", ordered("enabled", isOn(staleLeadsEnabled), "afterDays", number(staleLeadsAfterDays)));
        body.put("orderModule", ordered("enabled", isOn(orderModuleEnabled)));
        return body;
    }

    /** The API names nested fields ({@code autoAssignment.runAt}, {@code autoAssignment.statuses[2]}); the form is flat. */
    static String formField(String apiField) {
        String plain = apiField.replaceAll("\\[\\d+]", "");
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '.' && i + 1 < plain.length()) {
                flat.append(Character.toUpperCase(plain.charAt(++i)));
            } else {
                flat.append(c);
            }
        }
        return flat.toString();
    }

    /** Members in the order given, so the body reads like the API's description. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static Object number(String typed) {
        String value = text(typed).trim();
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException notWhole) {
            return value;
        }
    }

    private static boolean isOn(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static Boolean on(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
