package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.company.attendance_changed} on {@code crm.company.events}, keyed by companyId (ce_subject
 * is the userId): an agent checked in or out. Each event carries the whole attendance record as it is after the
 * change, so a read model keeps the newest {@code version} per {@code attendanceId} and ignores older ones.
 * {@code change} is {@code CHECKED_IN} or {@code CHECKED_OUT}; {@code checkOutType} {@code MANUAL} or
 * {@code AUTOMATIC} (the 23:59 check-out); {@code day} is the check-in's local date in {@code timezone}.
 */
public record AttendanceChanged(
        String companyId,
        String userId,
        String attendanceId,
        Instant occurredAt,
        String actorId,
        long version,
        String change,
        String day,
        String timezone,
        String branch,
        Instant checkInAt,
        Instant checkOutAt,
        String checkOutType) implements CompanyEvent {

    public static final String CHECKED_IN = "CHECKED_IN";
    public static final String CHECKED_OUT = "CHECKED_OUT";
    public static final String MANUAL = "MANUAL";
    public static final String AUTOMATIC = "AUTOMATIC";
}
