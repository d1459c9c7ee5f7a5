package com.calliyo.lead.webhook;

import com.calliyo.lead.shared.InvalidFieldException;
import tools.jackson.databind.JsonNode;

/**
 * The fields of an inbound post that lead-service reads; any other field is ignored. Phones may arrive as numbers
 * (spreadsheet-fed tools send them so); the other fields must be strings. {@code source} and {@code campaign} are
 * the form's own attribution (ad platform, campaign name) and are kept as posted.
 */
record WebhookSubmission(String name, String phone, String email, String source, String campaign) {

    /** @param body the parsed body, which must be a JSON object */
    static WebhookSubmission of(JsonNode body) {
        return new WebhookSubmission(text(body, "name", false), text(body, "phone", true),
                text(body, "email", false), text(body, "source", false), text(body, "campaign", false));
    }

    /** True when the (hidden) honeypot field carries anything a person would not have left there. */
    static boolean fillsHoneypot(JsonNode body, String honeypotField) {
        if (honeypotField == null) {
            return false;
        }
        JsonNode value = body.get(honeypotField);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isString()) {
            return !value.stringValue().isBlank();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return !value.isContainer() || !value.isEmpty();
    }

    private static String text(JsonNode body, String field, boolean numberAllowed) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (numberAllowed && value.isIntegralNumber()) {
            return value.asString();
        }
        throw new InvalidFieldException(field, numberAllowed ? "must be a string or a number" : "must be a string");
    }
}
