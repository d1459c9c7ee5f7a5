package com.calliyo.lead.lead.application;

import java.util.List;

import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.shared.PhoneNumbers;

/**
 * The field rules every capture channel (form, CSV, webhook, API) applies to a new lead: firstName and phone
 * required, the phone normalised to E.164, and the {@link LeadFieldRules rules a lead edit shares}: the email checked
 * when present, lengths bounded, tags trimmed and de-duplicated case-insensitively. The status and the tags'
 * canonical spelling need the company's data and are resolved afterwards.
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
            return broken(LeadFieldRules.firstName(null));
        }
        if (rawPhone == null) {
            return broken(new Violation("phone", "is required"));
        }
        Violation tooLong = LeadFieldRules.first(LeadFieldRules.firstName(firstName),
                LeadFieldRules.lastName(lastName), LeadFieldRules.atMost("phone", rawPhone, PHONE_MAX),
                LeadFieldRules.attribution("source", source), LeadFieldRules.attribution("campaign", campaign));
        if (tooLong != null) {
            return broken(tooLong);
        }
        String phone = PhoneNumbers.toE164(rawPhone, defaultRegion).orElse(null);
        if (phone == null) {
            return broken(new Violation("phone", "is not a valid phone number"));
        }
        List<String> tags = LeadFieldRules.tags(command.tags());
        Violation invalid = LeadFieldRules.first(LeadFieldRules.email(email), LeadFieldRules.tagsBounded(tags));
        if (invalid != null) {
            return broken(invalid);
        }
        return new Checked(new NewLead(firstName, lastName, phone, email, tags, source, campaign, command.channel(),
                trimToNull(command.channelRef())), null);
    }

    private static Checked broken(Violation violation) {
        return new Checked(null, violation);
    }

    static String trimToNull(String value) {
        return LeadFieldRules.trimToNull(value);
    }
}
