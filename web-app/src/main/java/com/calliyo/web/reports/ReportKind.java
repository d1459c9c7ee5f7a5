package com.calliyo.web.reports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reports a manager reads, each with the groupings reporting-service offers and the columns it answers, in the
 * order the page and the CSV show them.
 */
public enum ReportKind {
    CONVERSIONS("conversions", "Conversion rate", List.of("agent", "source", "tag", "campaign"),
            List.of(new Column("leads", "Leads"), new Column("conversions", "Conversions"),
                    new Column("conversionRate", "Rate"))),
    TIME_TO_CONVERT("time-to-convert", "Time to convert", List.of("agent", "source", "tag", "campaign"),
            List.of(new Column("conversions", "Conversions"), new Column("avgHours", "Average h"),
                    new Column("medianHours", "Median h"), new Column("p90Hours", "p90 h"))),
    REVENUE("revenue", "Revenue", List.of("agent", "plan"),
            List.of(new Column("orders", "Orders"), new Column("revenue", "Booked (₹)"),
                    new Column("collected", "Collected (₹)"), new Column("tax", "Tax (₹)"))),
    FUNNEL("funnel", "Funnel: leads per status", List.of(),
            List.of(new Column("leads", "Leads"))),
    CALLS("calls", "Calls per agent per day", List.of("agent"),
            List.of(new Column("date", "Day"), new Column("attempts", "Attempts"),
                    new Column("connected", "Connected"), new Column("missed", "Missed"),
                    new Column("connectRate", "Connect rate"), new Column("talkTimeSeconds", "Talk time s"),
                    new Column("avgTalkSeconds", "Average talk s"), new Column("dailyCallTarget", "Target"),
                    new Column("targetCoverage", "Of target")));

    private final String path;
    private final String title;
    private final List<String> groups;
    private final List<Column> columns;

    ReportKind(String path, String title, List<String> groups, List<Column> columns) {
        this.path = path;
        this.title = title;
        this.groups = groups;
        this.columns = columns;
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public List<String> groups() {
        return groups;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The grouping asked for if this report offers it, else its first one (none for the funnel). */
    public String groupOrDefault(String asked) {
        if (groups.isEmpty()) {
            return null;
        }
        return asked != null && groups.contains(asked) ? asked : groups.get(0);
    }

    static Optional<ReportKind> ofPath(String path) {
        for (ReportKind kind : values()) {
            if (kind.path.equals(path.toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** A figure of a row: {@code key} in the API's answer, {@code header} on the page and in the CSV. */
    public record Column(String key, String header) {
    }
}
