package com.calliyo.customer.company;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

import com.calliyo.lead.events.StatusRef;

/**
 * What customer-service knows of a company, from {@code crm.company.events}: the timezone its dates are read in,
 * who may see which customers, the current names of its statuses and of its users. A company nothing was heard of
 * yet gets the defaults (Asia/Kolkata, everyone sees every customer).
 */
public record CompanySettings(String companyId, ZoneId timezone, ShowCustomerTo showCustomerTo,
                              Map<String, StatusRef> statuses, Map<String, String> userNames) {

    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("Asia/Kolkata");

    public static CompanySettings defaults(String companyId) {
        return new CompanySettings(companyId, DEFAULT_TIMEZONE, ShowCustomerTo.ALL, Map.of(), Map.of());
    }

    /** The status as the company names it now; the given one when the company's pipeline does not know its id. */
    public StatusRef current(StatusRef status) {
        return status == null || status.id() == null ? status : statuses.getOrDefault(status.id(), status);
    }

    public String userName(String userId) {
        return userId == null ? null : userNames.get(userId);
    }

    /** An unknown or missing zone falls back to the default rather than failing every date filter. */
    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return DEFAULT_TIMEZONE;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return DEFAULT_TIMEZONE;
        }
    }

    /** Configurations → "Show customer to". */
    public enum ShowCustomerTo {
        ALL, AGENT_ONLY;

        /** Missing means the default ALL; a value this version does not know restricts, to fail closed. */
        static ShowCustomerTo of(String value) {
            if (value == null) {
                return ALL;
            }
            return "ALL".equals(value) ? ALL : AGENT_ONLY;
        }
    }
}
