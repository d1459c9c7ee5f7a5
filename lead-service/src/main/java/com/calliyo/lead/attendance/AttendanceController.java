package com.calliyo.lead.attendance;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The phone's attendance screen: check in, check out, and today's state. Any signed-in user; not API keys. */
@RestController
class AttendanceController {

    private final AttendanceService attendance;
    private final CallerResolver callers;

    AttendanceController(AttendanceService attendance, CallerResolver callers) {
        this.attendance = attendance;
        this.callers = callers;
    }

    @Operation(summary = "Check in {timestamp?, gps?: {lat, lon, accuracyMetres?}} → 201 the attendance; timestamp "
            + "(the tap, ISO instant) within 10 minutes of the server's time, else 400; already checked in → 409")
    @PostMapping("/api/agents/attendance/checkin")
    ResponseEntity<AttendanceResponse> checkIn(@Valid @RequestBody(required = false) CheckInRequest request) {
        CheckInRequest body = request == null ? new CheckInRequest(null, null) : request;
        Attendance.Location at = body.gps() == null ? null
                : new Attendance.Location(body.gps().lat(), body.gps().lon(), body.gps().accuracyMetres());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AttendanceResponse.of(attendance.checkIn(user(), body.timestamp(), at)));
    }

    @Operation(summary = "Check out {timestamp?} → the closed attendance (checkOutType MANUAL); not checked in → 409")
    @PostMapping("/api/agents/attendance/checkout")
    AttendanceResponse checkOut(@RequestBody(required = false) CheckOutRequest request) {
        return AttendanceResponse.of(attendance.checkOut(user(), request == null ? null : request.timestamp()));
    }

    @Operation(summary = "Today in company time: {day, timezone, checkedIn, current (the latest attendance or null), "
            + "attendances}")
    @GetMapping("/api/agents/attendance/today")
    TodayResponse today() {
        AttendanceService.Today today = attendance.today(user());
        return new TodayResponse(today.day(), today.timezone(), today.checkedIn(),
                today.latest().map(AttendanceResponse::of).orElse(null),
                today.attendances().stream().map(AttendanceResponse::of).toList());
    }

    private Caller user() {
        Caller caller = callers.current();
        if (caller.isApiKey()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Attendance belongs to a user, not an API key");
        }
        return caller;
    }

    record CheckInRequest(Instant timestamp, @Valid Gps gps) {
    }

    record Gps(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
               @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
               @PositiveOrZero Double accuracyMetres) {
    }

    record CheckOutRequest(Instant timestamp) {
    }

    record TodayResponse(String day, String timezone, boolean checkedIn, AttendanceResponse current,
                         List<AttendanceResponse> attendances) {
    }

    record AttendanceResponse(String id, String userId, String day, String timezone, String branch,
                              Instant checkInAt, Attendance.Location gps, Instant autoCheckOutAt,
                              Instant checkOutAt, String checkOutType) {

        static AttendanceResponse of(Attendance a) {
            return new AttendanceResponse(a.id(), a.userId(), a.day(), a.timezone(), a.branch(), a.checkInAt(),
                    a.checkInLocation(), a.autoCheckOutAt(), a.checkOutAt(), a.checkOutType());
        }
    }
}
