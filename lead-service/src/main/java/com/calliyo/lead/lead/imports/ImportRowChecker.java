package com.calliyo.lead.lead.imports;

import java.util.Optional;

import com.calliyo.lead.lead.application.CaptureLeadCommand;
import com.calliyo.lead.lead.application.CaptureRules;
import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.tag.TagNames;

/**
 * Applies the capture rules every channel shares ({@link CaptureRules}) to one CSV row, plus the status lookup, and
 * words a broken rule with the CSV column's name ("Phone is not a valid phone number").
 */
final class ImportRowChecker {

    private final StatusLookup statuses;
    private final String defaultRegion;
    private final String importId;

    ImportRowChecker(StatusLookup statuses, String defaultRegion, String importId) {
        this.statuses = statuses;
        this.defaultRegion = defaultRegion;
        this.importId = importId;
    }

    /** A row that may be imported, or why it may not (exactly one of the two is set). */
    record Checked(ValidRow row, String error) {
    }

    /** A row that passed every rule: the lead's normalised fields and its initial status. */
    record ValidRow(long number, NewLead lead, LeadStatusRef status) {
    }

    Checked check(CsvRow row) {
        CaptureLeadCommand command = new CaptureLeadCommand(row.firstName(), row.lastName(), row.phone(),
                row.email(), TagNames.split(row.tags()), row.status(), row.source(), row.campaign(),
                CaptureChannel.CSV, importId);
        CaptureRules.Checked checked = CaptureRules.check(command, defaultRegion);
        if (!checked.isValid()) {
            return error(columnName(checked.violation().field()) + " " + checked.violation().message());
        }
        Optional<LeadStatusRef> status = row.status() == null ? Optional.of(statuses.initial())
                : statuses.find(row.status());
        if (status.isEmpty()) {
            return error("Status '" + shorten(row.status()) + "' is not a status of this company");
        }
        return new Checked(new ValidRow(row.number(), checked.lead(), status.get()), null);
    }

    private static Checked error(String message) {
        return new Checked(null, message);
    }

    /** The request field's name as the CSV column is written: firstName → FirstName. */
    static String columnName(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static String shorten(String value) {
        return value.length() > 50 ? value.substring(0, 50) + "…" : value;
    }
}
