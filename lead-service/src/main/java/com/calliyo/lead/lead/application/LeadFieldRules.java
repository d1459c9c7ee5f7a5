package com.calliyo.lead.lead.application;

import java.util.List;

import com.calliyo.lead.lead.application.CaptureRules.Violation;
import com.calliyo.lead.tag.TagNames;

/**
 * The rules for the fields a person types about a lead, shared by capture (every channel) and by the edit
 * ({@code PATCH}): values are trimmed (blank means none), names and the attribution are bounded in length, an email must
 * be {@link EmailAddresses#isValid valid}, tags are trimmed and de-duplicated case-insensitively and bounded in number
 * and length. Each check answers the rule broken, or null.
 */
final class LeadFieldRules {

    private LeadFieldRules() {
    }

    /** What the rules store for a typed value: trimmed, and null when nothing but whitespace was typed. */
    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Violation firstName(String trimmed) {
        if (trimmed == null) {
            return new Violation("firstName", "is required");
        }
        return atMost("firstName", trimmed, CaptureRules.NAME_MAX);
    }

    static Violation lastName(String trimmed) {
        return atMost("lastName", trimmed, CaptureRules.NAME_MAX);
    }

    static Violation attribution(String field, String trimmed) {
        return atMost(field, trimmed, CaptureRules.ATTRIBUTION_MAX);
    }

    static Violation email(String trimmed) {
        return trimmed != null && !EmailAddresses.isValid(trimmed)
                ? new Violation("email", "is not a valid email address") : null;
    }

    /** The distinct, non-empty tags among {@code raw}, in order, each in the first spelling given. */
    static List<String> tags(List<String> raw) {
        return TagNames.normalise(raw == null ? List.of() : raw);
    }

    static Violation tagsBounded(List<String> normalised) {
        if (normalised.size() > CaptureRules.TAGS_MAX) {
            return new Violation("tags", "must have at most " + CaptureRules.TAGS_MAX + " tags");
        }
        if (normalised.stream().anyMatch(tag -> tag.length() > TagNames.MAX_LENGTH)) {
            return new Violation("tags", "must each be at most " + TagNames.MAX_LENGTH + " characters");
        }
        return null;
    }

    static Violation atMost(String field, String trimmed, int max) {
        return trimmed != null && trimmed.length() > max
                ? new Violation(field, "must be at most " + max + " characters") : null;
    }

    /** The first rule broken among {@code checks} (in order), or null. */
    static Violation first(Violation... checks) {
        for (Violation violation : checks) {
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }
}
