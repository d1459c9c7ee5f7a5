package com.calliyo.lead.lead.domain;

/** Field edits from a PATCH; a null field is left as it is. */
public record LeadEdit(String firstName, String lastName, String email) {

    public boolean isEmpty() {
        return firstName == null && lastName == null && email == null;
    }
}
