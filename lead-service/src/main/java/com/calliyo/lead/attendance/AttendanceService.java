package com.calliyo.lead.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.calliyo.lead.activity.CompanyZones;
import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.events.AttendanceChanged;
import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Check-in and check-out, one open attendance per user (the store's unique {@code openKey}), each day counted in the
 * company's timezone. An attendance left open past its 23:59 is closed automatically, by {@link AutoCheckOut} or, if
 * the agent comes first, by the next check-in; either way at 23:59 and as {@code AUTOMATIC}, exactly once.
 */
@Service
public class AttendanceService {

    /** A phone may send the moment of the tap a little later (poor network); further off it is a wrong clock. */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(10);
    static final LocalTime AUTO_CHECK_OUT_AT = LocalTime.of(23, 59);

    private final AttendanceStore store;
    private final AttendanceEvents events;
    private final CompanyZones zones;
    private final Users users;
    private final Clock clock;

    AttendanceService(AttendanceStore store, AttendanceEvents events, CompanyZones zones, Users users, Clock clock) {
        this.store = store;
        this.events = events;
        this.zones = zones;
        this.users = users;
        this.clock = clock;
    }

    Attendance checkIn(Caller caller, Instant timestamp, Attendance.Location at) {
        Instant now = clock.instant();
        Instant checkInAt = checkedTimestamp(timestamp, now);
        store.openOf(caller.companyId(), caller.userId()).ifPresent(open -> {
            if (open.openAt(now)) {
                throw new ApiException(HttpStatus.CONFLICT, "Already checked in",
                        "You checked in at " + open.checkInAt() + "; check out first");
            }
            closeAutomatically(open, now);
        });
        ZoneId zone = zones.zoneOf(caller.companyId());
        LocalDate day = checkInAt.atZone(zone).toLocalDate();
        String branch = users.find(caller.companyId(), caller.userId()).map(User::branch).orElse(null);
        Attendance attendance = new Attendance(UUID.randomUUID().toString(), caller.companyId(), caller.userId(),
                branch, day.toString(), zone.getId(), checkInAt, at, day.atTime(AUTO_CHECK_OUT_AT).atZone(zone)
                .toInstant(), null, null, 1);
        if (!store.insert(attendance, events.changed(attendance, caller.userId(), now))) {
            throw new ApiException(HttpStatus.CONFLICT, "Already checked in", "You are checked in already");
        }
        return attendance;
    }

    Attendance checkOut(Caller caller, Instant timestamp) {
        Instant now = clock.instant();
        Instant checkOutAt = checkedTimestamp(timestamp, now);
        Attendance open = store.openOf(caller.companyId(), caller.userId()).filter(found -> found.openAt(now))
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Not checked in",
                        "You have not checked in"));
        Attendance closed = open.closed(checkOutAt.isBefore(open.checkInAt()) ? open.checkInAt() : checkOutAt,
                AttendanceChanged.MANUAL);
        if (!store.close(closed, events.changed(closed, caller.userId(), now))) {
            throw new ApiException(HttpStatus.CONFLICT, "Not checked in", "You have checked out already");
        }
        return closed;
    }

    /** Today's attendances of the caller (company time), oldest first, and whether one is open now. */
    Today today(Caller caller) {
        Instant now = clock.instant();
        ZoneId zone = zones.zoneOf(caller.companyId());
        String day = now.atZone(zone).toLocalDate().toString();
        List<Attendance> today = store.between(caller.companyId(), day, day, caller.userId());
        return new Today(day, zone.getId(), isCheckedIn(caller, now), today);
    }

    /** Checked in and not past the day's automatic check-out: what the attendance gate asks. */
    public boolean isCheckedIn(Caller caller, Instant now) {
        return store.openOf(caller.companyId(), caller.userId()).filter(open -> open.openAt(now)).isPresent();
    }

    /** Closes at its 23:59 an attendance whose day is over; false if someone else closed it first. */
    boolean closeAutomatically(Attendance open, Instant now) {
        Attendance closed = open.closed(open.autoCheckOutAt(), AttendanceChanged.AUTOMATIC);
        return store.close(closed, events.changed(closed, AttendanceEvents.SYSTEM, now));
    }

    /** The moment to record, in the store's precision (milliseconds), so that answers and reports agree. */
    private static Instant checkedTimestamp(Instant timestamp, Instant now) {
        if (timestamp == null) {
            return now.truncatedTo(ChronoUnit.MILLIS);
        }
        if (Duration.between(timestamp, now).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "timestamp must be within 10 minutes of the server's time", "timestamp", Map.of());
        }
        return timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    record Today(String day, String timezone, boolean checkedIn, List<Attendance> attendances) {

        Optional<Attendance> latest() {
            return attendances.isEmpty() ? Optional.empty() : Optional.of(attendances.get(attendances.size() - 1));
        }
    }
}
