package com.calliyo.lead.lead.domain;

import java.util.List;

/**
 * Field edits from a PATCH, already checked and normalised: a null {@code firstName} is left as it is (it is
 * required, so never cleared); {@code lastName} and {@code email} are kept, set or cleared ({@link FieldEdit}); null
 * {@code tags} are kept, a list (possibly empty) replaces them.
 */
public record LeadEdit(String firstName, FieldEdit lastName, FieldEdit email, List<String> tags) {

    public LeadEdit {
        lastName = lastName == null ? FieldEdit.KEEP : lastName;
        email = email == null ? FieldEdit.KEEP : email;
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** Names and email only, each null when left as it is. */
    public LeadEdit(String firstName, String lastName, String email) {
        this(firstName, lastName == null ? FieldEdit.KEEP : FieldEdit.to(lastName),
                email == null ? FieldEdit.KEEP : FieldEdit.to(email), null);
    }

    public LeadEdit withTags(List<String> replacement) {
        return new LeadEdit(firstName, lastName, email, replacement);
    }
}
