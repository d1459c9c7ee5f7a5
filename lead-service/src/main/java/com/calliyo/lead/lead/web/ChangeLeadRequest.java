package com.calliyo.lead.lead.web;

import java.util.ArrayList;
import java.util.List;

import com.calliyo.lead.lead.application.LeadEditCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A PATCH: only the fields sent change (a JSON null counts as not sent). The field rules are capture's
 * ({@code LeadEditRules}), checked in the application so that both share one implementation; {@code status} is a
 * status id or name of the caller's company. {@code source}, {@code campaign} and {@code phone} are taken only to be
 * refused by name: they are fixed at capture. {@code assignedTo} is refused the same way: assignment has its own
 * request.
 */
@Schema(description = "Only the fields sent change; null or left out keeps a field. Send \"\" to clear lastName or "
        + "email, [] to remove every tag. Same rules as capture: values trimmed, email checked, tags trimmed, "
        + "de-duplicated case-insensitively and spelled as the company's existing tag. source, campaign and phone "
        + "are fixed at capture: sending them is a 400 naming the field. assignedTo is changed by "
        + "PUT /api/leads/{id}/assignee: sending it here is a 400 naming assignedTo.")
record ChangeLeadRequest(
        @Schema(description = "Required on the lead: may be changed, not cleared") String firstName,
        @Schema(description = "\"\" clears it") String lastName,
        @Schema(description = "\"\" clears it") String email,
        @Schema(description = "Replaces the lead's tags; [] removes them all") List<String> tags,
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 100) String status,
        @Schema(description = "Fixed at capture: sending it is a 400 naming source") String source,
        @Schema(description = "Fixed at capture: sending it is a 400 naming campaign") String campaign,
        @Schema(description = "Fixed at capture: sending it is a 400 naming phone") String phone,
        @Schema(description = "Changed by PUT /api/leads/{id}/assignee: sending it here is a 400 naming assignedTo")
        String assignedTo) {

    LeadEditCommand toCommand() {
        List<String> fixed = new ArrayList<>();
        if (source != null) {
            fixed.add("source");
        }
        if (campaign != null) {
            fixed.add("campaign");
        }
        if (phone != null) {
            fixed.add("phone");
        }
        if (assignedTo != null) {
            fixed.add("assignedTo");
        }
        return new LeadEditCommand(firstName, lastName, email, tags, fixed);
    }
}
