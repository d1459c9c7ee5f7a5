package com.calliyo.lead.lead.domain;

import java.util.List;

/** What a caller supplies to capture a lead; the phone is already normalised to E.164. */
public record NewLead(String firstName, String lastName, String phone, String email, List<String> tags,
                      String source, String campaign) {

    public NewLead {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
