package com.calliyo.reporting.report;

import java.util.List;

/**
 * Calls per agent ({@code key} = user id; null = no one, e.g. a pseudo-user) per local day ({@code date}, company
 * timezone). {@code attempts} = completed calls logged (any status but IN_PROGRESS), {@code connected} = those with
 * duration &gt; 0, {@code missed} = those logged MISSED, {@code talkTimeSeconds} = their summed duration,
 * {@code dailyCallTarget} = the target in force at the end of that day (null when none), {@code targetCoverage} =
 * attempts ÷ that target (half-up to 4 decimals; null without a target), {@code connectRate} = connected ÷ attempts
 * (half-up to 4 decimals; 0 without attempts), {@code avgTalkSeconds} = talkTimeSeconds ÷ connected (half-up to 2
 * decimals; null without connected calls).
 */
public record CallReport(List<Row> rows, Total total) {

    public record Row(String key, String label, String date, long attempts, long connected, long missed,
                      long talkTimeSeconds, Integer dailyCallTarget, Double targetCoverage, double connectRate,
                      Double avgTalkSeconds) {
    }

    public record Total(String key, String label, long attempts, long connected, long missed,
                        long talkTimeSeconds, double connectRate, Double avgTalkSeconds) {
    }
}
