package com.calliyo.reporting.report;

import java.util.List;

/**
 * Calls per agent ({@code key} = user id) per local day ({@code date}, company timezone): {@code attempts} = calls
 * logged, {@code connected} = those with duration &gt; 0, {@code missed} = the others, {@code talkTimeSeconds} =
 * their summed duration, {@code targetCoverage} = attempts ÷ the daily call target (half-up to 4 decimals; null
 * when the company has no target).
 */
public record CallReport(List<Row> rows, Total total) {

    public record Row(String key, String label, String date, long attempts, long connected, long missed,
                      long talkTimeSeconds, Integer dailyCallTarget, Double targetCoverage) {
    }

    public record Total(String key, String label, long attempts, long connected, long missed,
                        long talkTimeSeconds) {
    }
}
