package com.calliyo.web.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCsvTest {

    @Test
    void shouldWriteTheHeaderEveryRowAndTheTotalLast() {
        Map<String, Object> unassigned = new HashMap<>();
        unassigned.put("key", null);
        unassigned.put("label", "Unassigned");
        unassigned.put("leads", 3);
        unassigned.put("conversions", 1);
        unassigned.put("conversionRate", 0.3333);
        Report report = new Report(List.of(
                Map.of("key", "u1", "label", "Rao, Arjun", "leads", 2, "conversions", 1, "conversionRate", 0.5),
                unassigned),
                Map.of("key", "total", "label", "All leads", "leads", 5, "conversions", 2, "conversionRate", 0.4));

        String csv = ReportCsv.write(ReportKind.CONVERSIONS, report);

        assertThat(csv.split("\r\n")).containsExactly(
                "Group,Leads,Conversions,Rate",
                "\"Rao, Arjun\",2,1,0.5",
                "Unassigned,3,1,0.3333",
                "All leads,5,2,0.4");
    }

    @Test
    void shouldKeepALabelThatLooksLikeAFormulaAsText() {
        Report report = new Report(List.of(Map.of("label", "=HYPERLINK(\"http://x\")", "leads", 1, "conversions", 0,
                "conversionRate", 0)), Map.of());

        assertThat(ReportCsv.write(ReportKind.CONVERSIONS, report)).contains("'=HYPERLINK");
        assertThat(ReportCsv.safe(-1.5)).isEqualTo("-1.5");
        assertThat(ReportCsv.safe(null)).isEmpty();
    }

    @Test
    void shouldWriteTheDayOfEachCallsRow() {
        Report report = new Report(List.of(Map.of("label", "Arjun", "date", "2026-12-07", "attempts", 4,
                "connected", 3, "missed", 1, "connectRate", 0.75, "talkTimeSeconds", 300, "avgTalkSeconds", 100,
                "dailyCallTarget", 40, "targetCoverage", 0.1)), Map.of());

        assertThat(ReportCsv.write(ReportKind.CALLS, report).split("\r\n")[1])
                .isEqualTo("Arjun,2026-12-07,4,3,1,0.75,300,100,40,0.1");
    }
}
