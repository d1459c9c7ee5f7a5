package com.calliyo.reporting.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.calliyo.reporting.report.InvalidReportParametersException.FieldError;

/**
 * Turns the raw query parameters into a {@link ReportRequest}, collecting every problem at once so one 400 names
 * every bad parameter: {@code from}/{@code to} must be ISO dates (four-digit years) with from &lt;= to, {@code basis} conversion or
 * cohort, {@code groupBy} one of the report's own values.
 */
final class ReportParameters {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private ReportParameters() {
    }

    static ReportRequest parse(String from, String to, String basis, String groupBy, Set<GroupBy> allowed) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new FieldError("from", "must not be after to (" + from + " > " + to + ")"));
        }
        Basis parsedBasis = basis(basis, errors);
        Optional<GroupBy> parsedGroup = groupBy(groupBy, allowed, errors);
        if (!errors.isEmpty()) {
            throw new InvalidReportParametersException(errors);
        }
        return new ReportRequest(new Period(fromDate, toDate), parsedBasis, parsedGroup);
    }

    static Set<GroupBy> groups(GroupBy first, GroupBy... rest) {
        return EnumSet.of(first, rest);
    }

    private static LocalDate date(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            // ISO also reads signed years such as +999999999-12-31, whose day after overflows: a 500 otherwise
            if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below, like a date out of range
        }
        errors.add(new FieldError(name, "must be a local date as yyyy-MM-dd (years " + MIN_YEAR + " to " + MAX_YEAR
                + "), not '" + value + "'"));
        return null;
    }

    private static Basis basis(String value, List<FieldError> errors) {
        if (value == null) {
            return Basis.CONVERSION;
        }
        return Arrays.stream(Basis.values())
                .filter(b -> b.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseGet(() -> {
                    errors.add(new FieldError("basis", "must be one of conversion, cohort, not '" + value + "'"));
                    return null;
                });
    }

    private static Optional<GroupBy> groupBy(String value, Set<GroupBy> allowed, List<FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<GroupBy> group = allowed.stream()
                .filter(g -> g.parameter().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
        if (group.isEmpty()) {
            errors.add(new FieldError("groupBy", "must be one of "
                    + allowed.stream().map(GroupBy::parameter).collect(Collectors.joining(", "))
                    + ", not '" + value + "'"));
        }
        return group;
    }
}
