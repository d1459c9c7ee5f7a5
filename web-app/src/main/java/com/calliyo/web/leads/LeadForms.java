package com.calliyo.web.leads;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the lead screens' forms post; kept as typed so a refused form comes back with the same input. */
final class LeadForms {

    private LeadForms() {
    }

    /**
     * @param idempotencyKey made when the form is shown, so a double click or a retry after a timeout creates one
     *                       lead
     */
    record NewLead(String firstName, String lastName, String phone, String email, String tags, String source,
                   String campaign, String idempotencyKey) {

        static NewLead blank() {
            return new NewLead("", "", "", "", "", "", "", UUID.randomUUID().toString());
        }

        Map<String, Object> body() {
            Map<String, Object> lead = new LinkedHashMap<>();
            lead.put("firstName", firstName);
            putIfPresent(lead, "lastName", lastName);
            lead.put("phone", phone);
            putIfPresent(lead, "email", email);
            putIfPresent(lead, "source", source);
            putIfPresent(lead, "campaign", campaign);
            List<String> tagList = tagList(tags);
            if (!tagList.isEmpty()) {
                lead.put("tags", tagList);
            }
            return lead;
        }

        NewLead withKey(String key) {
            return new NewLead(firstName, lastName, phone, email, tags, source, campaign,
                    key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        }
    }

    record Call(String callStatus, String durationSeconds, String note) {

        static Call blank() {
            return new Call("CALLED", "0", "");
        }
    }

    record Note(String text) {

        static Note blank() {
            return new Note("");
        }
    }

    private static void putIfPresent(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.trim());
        }
    }

    /**
     * The editable details. Source, campaign and phone are fixed at capture (the API refuses them), so they are not
     * here; a blank last name or email clears it, blank tags remove every tag.
     */
    record Details(String firstName, String lastName, String email, String tags) {

        static Details of(Lead lead) {
            return new Details(lead.firstName(), orEmpty(lead.lastName()), orEmpty(lead.email()),
                    String.join(", ", lead.tags()));
        }

        Map<String, Object> body() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("firstName", orEmpty(firstName).trim());
            fields.put("lastName", orEmpty(lastName).trim());
            fields.put("email", orEmpty(email).trim());
            fields.put("tags", tagList(tags));
            return fields;
        }
    }

    /** @param scheduledAt a {@code datetime-local} value, read in the company's timezone */
    record FollowUp(String scheduledAt, String note) {
    }

    record Assign(String agentId, Boolean force) {
    }

    static List<String> tagList(String tags) {
        return tags == null ? List.of() : Arrays.stream(tags.split("[,;]"))
                .map(String::trim).filter(tag -> !tag.isEmpty()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
