package com.calliyo.lead.lead.web;

import com.calliyo.lead.lead.domain.LeadEdit;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A PATCH: only the fields present change; {@code status} is a status id or name of the caller's company. */
record ChangeLeadRequest(
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 100) String status) {

    LeadEdit toEdit() {
        return new LeadEdit(firstName == null ? null : firstName.trim(), lastName, email);
    }
}
