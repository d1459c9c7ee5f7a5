package com.calliyo.lead.lead.application;

import java.util.List;

import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.tag.TagNames;

/**
 * The field rules every capture channel (form, CSV, webhook, API) applies to a new lead: firstName and phone
 * required, the phone normalised to E.164, the email checked when present, lengths bounded, tags trimmed and
 * de-duplicated case-insensitively. The status and the tags' canonical spelling need the company's data and are
 * resolved afterwards.
 */
public final class CaptureRules {

    public static final int NAME_MAX = 100;
    public static final int PHONE_MAX = 40;
    public static final int ATTRIBUTION_MAX = 100;
    public static final int TAGS_MAX = 50;

    private CaptureRules() {
    }

    /** A rule a field breaks: the request field and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    /** The lead's fields normalised, or the first rule they break (exactly one of the two is set). */
    public record Checked(NewLead lead, Violation violation) {

        public boolean isValid() {
            return violation == null;
        }
    }

    public static Checked check(CaptureLeadCommand command, String defaultRegion) {
        String firstName = trimToNull(command.firstName());
        String lastName = trimToNull(command.lastName());
        String rawPhone = trimToNull(command.phone());
        String email = trimToNull(command.email());
        String source = trimToNull(command.source());
        String campaign = trimToNull(command.campaign());
        if (firstName == null) {
            return broken("firstName", "is required");
        }
        if (rawPhone == null) {
            return broken("phone", "is required");
        }
        Violation tooLong = firstTooLong(firstName, lastName, rawPhone, source, campaign);
        if (tooLong != null) {
            return new Checked(null, tooLong);
        }
        String phone = PhoneNumbers.toE164(rawPhone, defaultRegion).orElse(null);
        if (phone == null) {
            return broken("phone", "is not a valid phone number");
        }
        if (email != null && !EmailAddresses.isValid(email)) {
            return broken("email", "is not a valid email address");
        }
        List<String> tags = TagNames.normalise(command.tags() == null ? List.of() : command.tags());
        if (tags.size() > TAGS_MAX) {
            return broken("tags", "must have at most " + TAGS_MAX + " tags");
        }
        if (tags.stream().anyMatch(tag -> tag.length() > TagNames.MAX_LENGTH)) {
            return broken("tags", "must each be at most " + TagNames.MAX_LENGTH + " characters");
        }
        return new Checked(new NewLead(firstName, lastName, phone, email, tags, source, campaign, command.channel(),
                trimToNull(command.channelRef())), null);
    }

    private static Violation firstTooLong(String firstName, String lastName, String phone, String source,
                                          String campaign) {
        if (firstName.length() > NAME_MAX) {
            return tooLong("firstName", NAME_MAX);
        }
        if (lastName != null && lastName.length() > NAME_MAX) {
            return tooLong("lastName", NAME_MAX);
        }
        if (phone.length() > PHONE_MAX) {
            return tooLong("phone", PHONE_MAX);
        }
        if (source != null && source.length() > ATTRIBUTION_MAX) {
            return tooLong("source", ATTRIBUTION_MAX);
        }
        if (campaign != null && campaign.length() > ATTRIBUTION_MAX) {
            return tooLong("campaign", ATTRIBUTION_MAX);
        }
        return null;
    }

    private static Violation tooLong(String field, int max) {
        return new Violation(field, "must be at most " + max + " characters");
    }

    private static Checked broken(String field, String message) {
        return new Checked(null, new Violation(field, message));
    }

    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
