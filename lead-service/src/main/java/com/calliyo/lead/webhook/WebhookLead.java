package com.calliyo.lead.webhook;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.shared.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A webhook post as a lead: the same limits as the single-lead form, with errors named after the posted fields.
 * {@code source} and {@code campaign} are passed on as posted: capture trims them and bounds their length (naming
 * {@code source} / {@code campaign}), exactly as for the form.
 */
record WebhookLead(@NotBlank @Size(max = 100) String firstName,
                   @Size(max = 100) String lastName,
                   @NotBlank @Size(max = 40) String phone,
                   @Email @Size(max = 254) String email,
                   String source,
                   String campaign) {

    private static final List<String> FIELD_ORDER = List.of("name", "phone", "email");

    static WebhookLead of(WebhookSubmission submission) {
        PersonName name = PersonName.split(submission.name());
        String email = submission.email() == null || submission.email().isBlank() ? null : submission.email().trim();
        return new WebhookLead(name.first(), name.last(), submission.phone(), email, submission.source(),
                submission.campaign());
    }

    /** @throws InvalidFieldException for the first posted field (name, phone, email) that is not acceptable */
    WebhookLead validate(Validator validator) {
        Optional<InvalidFieldException> first = validator.validate(this).stream()
                .map(violation -> new InvalidFieldException(postedField(violation), violation.getMessage()))
                .min(Comparator.comparingInt(error -> FIELD_ORDER.indexOf(error.field())));
        if (first.isPresent()) {
            throw first.get();
        }
        return this;
    }

    private static String postedField(ConstraintViolation<WebhookLead> violation) {
        String property = violation.getPropertyPath().toString();
        return property.equals("firstName") || property.equals("lastName") ? "name" : property;
    }
}
