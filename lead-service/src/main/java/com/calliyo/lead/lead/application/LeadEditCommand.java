package com.calliyo.lead.lead.application;

import java.util.List;

/**
 * A PATCH of a lead's fields as the caller sent it, before the rules: null means "not sent" (left as it is); for the
 * optional {@code lastName} and {@code email} a blank string clears the field, and for {@code tags} an empty list
 * does. {@code fixedFieldsSent} names the fields sent that no edit may change (the attribution, the phone).
 */
public record LeadEditCommand(String firstName, String lastName, String email, List<String> tags,
                              List<String> fixedFieldsSent) {

    public LeadEditCommand {
        fixedFieldsSent = fixedFieldsSent == null ? List.of() : List.copyOf(fixedFieldsSent);
    }
}
