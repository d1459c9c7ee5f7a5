package com.calliyo.lead.lead.application;

import java.util.List;
import java.util.Map;

import com.calliyo.lead.lead.application.CaptureRules.Violation;
import com.calliyo.lead.lead.domain.FieldEdit;
import com.calliyo.lead.lead.domain.LeadEdit;

/**
 * Turns a {@link LeadEditCommand} into a {@link LeadEdit} by the rules capture applies ({@link LeadFieldRules}: same
 * checks, same trimming, same tag normalisation). A blank optional field clears it; the required firstName cannot be
 * cleared. The phone and the attribution (source, campaign) are fixed at capture: reports group by the attribution,
 * so an edit naming them is refused rather than silently ignored. The assignee is refused too: assignment has its own
 * request, which checks the agent's lead cap and publishes {@code lead.assigned}, and a 200 that ignored it would let
 * a caller believe the lead had moved.
 */
public final class LeadEditRules {

    /** The fields an edit may not change, and why. */
    static final Map<String, String> FIXED_FIELDS = Map.of(
            "source", "is the lead's attribution, kept as captured; it cannot be changed",
            "campaign", "is the lead's attribution, kept as captured; it cannot be changed",
            "phone", "identifies the lead and cannot be changed; capture a new lead for another number",
            "assignedTo", "is changed by PUT /api/leads/{id}/assignee, which checks the agent's lead cap");

    private LeadEditRules() {
    }

    /** The edit normalised, or the first rule it breaks (exactly one of the two is set). */
    public record Checked(LeadEdit edit, Violation violation) {

        public boolean isValid() {
            return violation == null;
        }
    }

    public static Checked check(LeadEditCommand command) {
        for (String field : command.fixedFieldsSent()) {
            if (FIXED_FIELDS.containsKey(field)) {
                return broken(new Violation(field, FIXED_FIELDS.get(field)));
            }
        }
        String firstName = LeadFieldRules.trimToNull(command.firstName());
        String lastName = LeadFieldRules.trimToNull(command.lastName());
        String email = LeadFieldRules.trimToNull(command.email());
        List<String> tags = command.tags() == null ? null : LeadFieldRules.tags(command.tags());
        Violation broken = LeadFieldRules.first(
                command.firstName() == null ? null : LeadFieldRules.firstName(firstName),
                LeadFieldRules.lastName(lastName),
                LeadFieldRules.email(email),
                tags == null ? null : LeadFieldRules.tagsBounded(tags));
        if (broken != null) {
            return broken(broken);
        }
        return new Checked(new LeadEdit(firstName, edit(command.lastName(), lastName),
                edit(command.email(), email), tags), null);
    }

    /** Not sent: kept; sent blank: cleared; else the trimmed value. */
    private static FieldEdit edit(String sent, String trimmed) {
        return sent == null ? FieldEdit.KEEP : FieldEdit.to(trimmed);
    }

    private static Checked broken(Violation violation) {
        return new Checked(null, violation);
    }
}
