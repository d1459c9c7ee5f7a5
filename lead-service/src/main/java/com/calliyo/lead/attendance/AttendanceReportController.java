package com.calliyo.lead.attendance;

import com.calliyo.lead.caller.CallerResolver;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports → Attendance. Served by lead-service, which owns attendance; the gateway routes this one report path here
 * and every other {@code /api/reports/**} to reporting-service.
 */
@RestController
class AttendanceReportController {

    private final AttendanceReport report;
    private final CallerResolver callers;

    AttendanceReportController(AttendanceReport report, CallerResolver callers) {
        this.report = report;
        this.callers = callers;
    }

    @Operation(summary = "Attendance per agent and company day (ADMIN, MANAGER): ?from&to (dates, default this month "
            + "to today, at most 366 days), agentId, branch → {from, to, timezone, agents: [{agentId, agentName, "
            + "daysPresent, hours, automaticCheckOuts}], days: [{agentId, agentName, branch, day, firstCheckIn, "
            + "lastCheckOut, hours, checkIns, automaticCheckOut, firstCheckInGps}]}; times in company time")
    @GetMapping("/api/reports/attendance")
    AttendanceReport.Report attendance(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String agentId,
                                       @RequestParam(required = false) String branch) {
        return report.report(callers.current(), from, to, blank(agentId), blank(branch));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
