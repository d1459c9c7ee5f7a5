package com.calliyo.lead.attendance;

import java.time.Clock;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.mobile.MobileSettingsStore;
import com.calliyo.lead.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * When the company requires attendance, an agent who is not checked in gets 423 "Check in to see your tasks" from
 * the task, lead and call endpoints ({@link AttendanceGateConfig} lists them). Checked in means an open attendance
 * not past its 23:59: after checking out the agent is off duty and locked out again. Admins, managers and API keys
 * are never gated. Costs one lookup by id (settings) and, for agents of such companies, one by unique index.
 */
@Component
class AttendanceGate implements HandlerInterceptor {

    static final String MESSAGE = "Check in to see your tasks";

    private final MobileSettingsStore settings;
    private final AttendanceService attendance;
    private final CallerResolver callers;
    private final Clock clock;

    AttendanceGate(MobileSettingsStore settings, AttendanceService attendance, CallerResolver callers, Clock clock) {
        this.settings = settings;
        this.attendance = attendance;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Caller caller = callers.current();
        if (caller.is(Role.AGENT) && settings.of(caller.companyId()).requireAttendance()
                && !attendance.isCheckedIn(caller, clock.instant())) {
            throw new ApiException(HttpStatus.LOCKED, "Not checked in", MESSAGE);
        }
        return true;
    }
}
