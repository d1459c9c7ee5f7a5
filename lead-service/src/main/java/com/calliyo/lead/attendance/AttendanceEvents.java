package com.calliyo.lead.attendance;

import java.time.Instant;
import java.util.UUID;

import com.calliyo.lead.events.AttendanceChanged;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.shared.OutboxEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a check-in or check-out into its v1 {@code com.calliyo.company.attendance_changed} event. */
@Component
class AttendanceEvents {

    /** The actor of the automatic check-out at 23:59. */
    static final String SYSTEM = "system";

    private final JsonMapper json;

    AttendanceEvents(JsonMapper json) {
        this.json = json;
    }

    /** The event of {@code attendance} as it is after the change, which {@code actorId} made at {@code now}. */
    OutboxEntry changed(Attendance attendance, String actorId, Instant now) {
        AttendanceChanged event = new AttendanceChanged(attendance.companyId(), attendance.userId(), attendance.id(),
                now, actorId, attendance.version(),
                attendance.open() ? AttendanceChanged.CHECKED_IN : AttendanceChanged.CHECKED_OUT, attendance.day(),
                attendance.timezone(), attendance.branch(), attendance.checkInAt(), attendance.checkOutAt(),
                attendance.checkOutType());
        return new OutboxEntry(UUID.randomUUID().toString(), LeadEventType.ATTENDANCE_CHANGED.type(), now,
                json.writeValueAsString(event));
    }
}
