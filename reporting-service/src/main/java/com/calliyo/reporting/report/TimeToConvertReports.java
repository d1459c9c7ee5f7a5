package com.calliyo.reporting.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.facts.LeadFact;
import com.calliyo.reporting.report.Period.Window;

/**
 * Time from capture to conversion, for the same conversions {@link ConversionReports} counts. Per key: the mean;
 * the median (the middle value, or the mean of the two middle values for an even count); the 90th percentile by
 * the nearest-rank method (the value at rank ⌈0.9·n⌉ of the ascending durations, 1-based). All computed exactly in
 * milliseconds, then expressed in hours half-up to 2 decimals.
 */
final class TimeToConvertReports {

    static final String TOTAL_LABEL = "All conversions";

    private TimeToConvertReports() {
    }

    static TimeToConvertReport compute(Collection<LeadFact> leads, CompanyFacts company, ReportRequest request) {
        Window window = request.period().in(company.timezone());
        Groups groups = Groups.of(company.userNames(), leads);
        Map<String, List<Long>> durations = new HashMap<>();
        List<Long> all = new ArrayList<>();
        for (LeadFact lead : leads) {
            if (!ConversionReports.converted(lead, request.basis(), window) || lead.capturedAt() == null) {
                continue;
            }
            long millis = Duration.between(lead.capturedAt(), lead.convertedAt()).toMillis();
            all.add(millis);
            if (request.groupBy().isPresent()) {
                for (String key : groups.keys(lead, request.groupBy().get())) {
                    durations.computeIfAbsent(key, k -> new ArrayList<>()).add(millis);
                }
            }
        }
        List<TimeToConvertReport.Row> rows = durations.entrySet().stream()
                .map(e -> row(e.getKey(), groups.label(request.groupBy().get(), e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(TimeToConvertReport.Row::conversions).reversed()
                        .thenComparing(TimeToConvertReport.Row::key, Groups.KEY_ORDER))
                .toList();
        return new TimeToConvertReport(rows, row(ConversionReports.TOTAL_KEY, TOTAL_LABEL, all));
    }

    static TimeToConvertReport.Row row(String key, String label, List<Long> durations) {
        int n = durations.size();
        if (n == 0) {
            return new TimeToConvertReport.Row(key, label, 0, null, null, null);
        }
        long[] sorted = durations.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        BigDecimal sum = BigDecimal.ZERO;
        for (long millis : sorted) {
            sum = sum.add(BigDecimal.valueOf(millis));
        }
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(sorted[n / 2])
                : BigDecimal.valueOf(sorted[n / 2 - 1]).add(BigDecimal.valueOf(sorted[n / 2]));
        int medianDivisor = n % 2 == 1 ? 1 : 2;
        int p90Rank = (9 * n + 9) / 10; // ⌈0.9·n⌉ in integers
        return new TimeToConvertReport.Row(key, label, n, Numbers.hours(sum, n), Numbers.hours(median, medianDivisor),
                Numbers.hours(BigDecimal.valueOf(sorted[p90Rank - 1]), 1));
    }
}
