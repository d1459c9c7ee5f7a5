package com.calliyo.lead.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.calliyo.lead.activity.CompanyZones;
import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.user.User;
import com.calliyo.lead.user.Users;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Admins' and managers' review of attendance (spec §4 Reports): per agent and company day, the first check-in, the
 * last check-out, the hours worked (an attendance still open counts up to now) and whether the day ended with the
 * automatic check-out; per agent, the days present and totals. Days and times are the company's.
 */
@Service
class AttendanceReport {

    static final int MAX_DAYS = 366;

    private final AttendanceStore store;
    private final Users users;
    private final CompanyZones zones;
    private final Clock clock;

    AttendanceReport(AttendanceStore store, Users users, CompanyZones zones, Clock clock) {
        this.store = store;
        this.users = users;
        this.zones = zones;
        this.clock = clock;
    }

    Report report(Caller caller, String fromParam, String toParam, String agentId, String branch) {
        if (!caller.is(Role.ADMIN) && !caller.is(Role.MANAGER)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only admins and managers review attendance");
        }
        Instant now = clock.instant();
        ZoneId zone = zones.zoneOf(caller.companyId());
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from = date("from", fromParam, today.withDayOfMonth(1));
        LocalDate to = date("to", toParam, today);
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw invalid("to", "must be on or after from, at most " + MAX_DAYS + " days later");
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<Day> days = store.between(caller.companyId(), from.toString(), to.toString(), agentId).stream()
                .filter(a -> branch == null || branch.equals(a.branch()))
                .collect(Collectors.groupingBy(a -> a.userId() + "|" + a.day(), LinkedHashMap::new,
                        Collectors.toList()))
                .values().stream()
                .map(list -> day(list, zone, now, names.computeIfAbsent(list.get(0).userId(),
                        id -> users.find(caller.companyId(), id).map(User::name).orElse(id))))
                .sorted(Comparator.comparing(Day::agentName).thenComparing(Day::day))
                .toList();
        List<Agent> agents = days.stream().collect(Collectors.groupingBy(Day::agentId, LinkedHashMap::new,
                Collectors.toList())).values().stream().map(AttendanceReport::agent).toList();
        return new Report(from.toString(), to.toString(), zone.getId(), agents, days);
    }

    private static Day day(List<Attendance> attendances, ZoneId zone, Instant now, String name) {
        Attendance first = attendances.get(0);
        Attendance last = attendances.get(attendances.size() - 1);
        Duration worked = attendances.stream().map(a -> a.open()
                ? Duration.between(a.checkInAt(), now.isBefore(a.autoCheckOutAt()) ? now : a.autoCheckOutAt())
                : a.worked()).reduce(Duration.ZERO, Duration::plus);
        Instant lastOut = attendances.stream().map(Attendance::checkOutAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Day(first.userId(), name, first.branch(), first.day(), local(first.checkInAt(), zone),
                lastOut == null ? null : local(lastOut, zone), hours(worked), attendances.size(),
                "AUTOMATIC".equals(last.checkOutType()), first.checkInLocation());
    }

    private static Agent agent(List<Day> days) {
        Day first = days.get(0);
        return new Agent(first.agentId(), first.agentName(), days.size(),
                Math.round(days.stream().mapToDouble(Day::hours).sum() * 100) / 100.0,
                days.stream().filter(Day::automaticCheckOut).count());
    }

    private static OffsetDateTime local(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime();
    }

    private static double hours(Duration worked) {
        return Math.round(worked.toSeconds() / 36.0) / 100.0;
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date like 2026-05-31");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message, field, Map.of());
    }

    record Day(String agentId, String agentName, String branch, String day, OffsetDateTime firstCheckIn,
               OffsetDateTime lastCheckOut, double hours, int checkIns, boolean automaticCheckOut,
               Attendance.Location firstCheckInGps) {
    }

    record Agent(String agentId, String agentName, int daysPresent, double hours, long automaticCheckOuts) {
    }

    record Report(String from, String to, String timezone, List<Agent> agents, List<Day> days) {
    }
}
