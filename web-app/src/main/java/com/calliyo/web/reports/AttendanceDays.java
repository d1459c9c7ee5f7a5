package com.calliyo.web.reports;

import java.util.List;

/**
 * lead-service's attendance report as the Reports page shows it: one row per agent and company day. Times are
 * ISO date-times with the company's offset, so the page shows their clock part as it is.
 */
public record AttendanceDays(List<Day> days) {

    public record Day(String agentName, String day, String firstCheckIn, String lastCheckOut, double hours,
                      boolean automaticCheckOut) {

        public String firstCheckInClock() {
            return clock(firstCheckIn);
        }

        public String lastCheckOutClock() {
            return clock(lastCheckOut);
        }

        /** "09:31" of "2026-05-02T09:31:12.5+05:30"; a dash when absent. */
        private static String clock(String dateTime) {
            return dateTime == null || dateTime.length() < 16 ? "–" : dateTime.substring(11, 16);
        }
    }
}
