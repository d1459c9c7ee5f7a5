package com.calliyo.reporting.facts;

import java.util.Locale;

/**
 * The call statuses the reports tell apart, by lead-service's enum names (call.logged {@code call.callStatus}):
 * CALLED, BUSY, NO_ANSWER, MISSED, IN_PROGRESS, FOLLOW_UP, RESCHEDULED. Read leniently ("In-progress",
 * "missed "), since only a few of them carry a rule.
 */
final class CallStatuses {

    static final String MISSED = "MISSED";
    static final String IN_PROGRESS = "IN_PROGRESS";

    private CallStatuses() {
    }

    static boolean is(String status, String expected) {
        if (status == null) {
            return false;
        }
        if (status.equals(expected) || inEnumForm(status)) {
            return status.equals(expected); // as lead-service writes them: nothing to normalise (reports ask often)
        }
        return status.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_').equals(expected);
    }

    private static boolean inEnumForm(String status) {
        for (int i = 0; i < status.length(); i++) {
            char c = status.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '_') {
                return false;
            }
        }
        return !status.isEmpty();
    }
}
