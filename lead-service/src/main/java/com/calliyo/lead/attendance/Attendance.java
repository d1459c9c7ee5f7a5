package com.calliyo.lead.attendance;

import java.time.Duration;
import java.time.Instant;

/**
 * One check-in of an agent and, once it happened, its check-out. {@code day} is the check-in's local date in the
 * company's timezone; {@code autoCheckOutAt} is 23:59 of that day there, when a still open attendance is closed
 * automatically. {@code version} is 1 while open and 2 once closed.
 */
record Attendance(String id, String companyId, String userId, String branch, String day, String timezone,
                  Instant checkInAt, Location checkInLocation, Instant autoCheckOutAt, Instant checkOutAt,
                  String checkOutType, long version) {

    boolean open() {
        return checkOutAt == null;
    }

    /** Checked in and not yet past the day's automatic check-out. */
    boolean openAt(Instant now) {
        return open() && now.isBefore(autoCheckOutAt);
    }

    /** This attendance checked out at {@code at}: {@code MANUAL} by the agent or {@code AUTOMATIC} at 23:59. */
    Attendance closed(Instant at, String type) {
        return new Attendance(id, companyId, userId, branch, day, timezone, checkInAt, checkInLocation, autoCheckOutAt,
                at, type, version + 1);
    }

    Duration worked() {
        return checkOutAt == null ? Duration.ZERO : Duration.between(checkInAt, checkOutAt);
    }

    /** Where the phone was at check-in, when it was allowed to say. */
    record Location(double lat, double lon, Double accuracyMetres) {
    }
}
