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
            List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split("[,;]"))
                    .map(String::trim).filter(tag -> !tag.isEmpty()).toList();
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
}
