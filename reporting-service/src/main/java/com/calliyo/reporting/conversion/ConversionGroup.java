package com.calliyo.reporting.conversion;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code groupBy} values of the conversion report and the {@link LeadFact} field each one groups on. */
enum ConversionGroup {

    // Leads are grouped by their current assignee; the label is the user id until user names reach reporting.
    AGENT("assignedTo", "Unassigned"),
    SOURCE("source", "No source"),
    // A lead counts under each of its tags; a lead without tags is in no row (but in the total).
    TAG("tags", null),
    CAMPAIGN("campaign", "No campaign");

    static final String ALLOWED = Arrays.stream(values()).map(ConversionGroup::parameter)
            .collect(Collectors.joining(", "));

    private final String field;
    private final String labelWhenMissing;

    ConversionGroup(String field, String labelWhenMissing) {
        this.field = field;
        this.labelWhenMissing = labelWhenMissing;
    }

    static ConversionGroup of(String parameter) {
        return Arrays.stream(values())
                .filter(group -> group.parameter().equals(parameter.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidGroupByException(parameter));
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    String field() {
        return field;
    }

    String label(String key) {
        return key == null ? labelWhenMissing : key;
    }
}
