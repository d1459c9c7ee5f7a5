package com.calliyo.web.reports;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The days a report covers, as local dates in the company's timezone: one of the presets, or a custom range. A
 * custom range with a day missing is open on that side; with both missing it is "all time".
 */
public record ReportPeriod(Preset preset, LocalDate from, LocalDate to) {

    public enum Preset {
        TODAY("Today"), YESTERDAY("Yesterday"), LAST_7_DAYS("Last 7 days"), THIS_MONTH("This month"),
        CUSTOM("Custom");

        private final String label;

        Preset(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The value in links and forms: {@code last-7-days}. */
        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Preset> ofParam(String value) {
            return Arrays.stream(values()).filter(preset -> preset.param().equals(value)).findFirst();
        }
    }

    /**
     * The period a request asks for: a known preset wins; otherwise given days make a custom range; nothing at all
     * is this month, the view a manager opens most.
     */
    public static ReportPeriod of(String preset, LocalDate from, LocalDate to, LocalDate today) {
        Preset chosen = Preset.ofParam(preset)
                .orElse(from == null && to == null ? Preset.THIS_MONTH : Preset.CUSTOM);
        return switch (chosen) {
            case TODAY -> new ReportPeriod(chosen, today, today);
            case YESTERDAY -> new ReportPeriod(chosen, today.minusDays(1), today.minusDays(1));
            case LAST_7_DAYS -> new ReportPeriod(chosen, today.minusDays(6), today);
            case THIS_MONTH -> new ReportPeriod(chosen, today.withDayOfMonth(1), today);
            case CUSTOM -> new ReportPeriod(chosen, from, to);
        };
    }
}
