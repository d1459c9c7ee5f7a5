package com.calliyo.lead.mobile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phone's day: reminders and dashboard, each with an ETag over its content so a phone polling every minute gets
 * 304 without a body until something changed (a follow-up added or resolved, an alarm gone by, a new day).
 */
@RestController
class AgentDayController {

    private final AgentDay day;
    private final CallerResolver callers;
    private final JsonMapper json;

    AgentDayController(AgentDay day, CallerResolver callers, JsonMapper json) {
        this.day = day;
        this.callers = callers;
        this.json = json;
    }

    @Operation(summary = "Today's open follow-ups of the caller in company time, soonest first: {day, timezone, "
            + "followUps: [{followUpId, leadId, leadName, phone, scheduledAt, note, alarms}]}; alarms at T−5 min and "
            + "T−30 s, those already past left out. ETag; If-None-Match → 304")
    @GetMapping("/api/agents/follow-ups/today")
    ResponseEntity<AgentDay.FollowUpsToday> followUpsToday() {
        return tagged(day.followUpsToday(user()));
    }

    @Operation(summary = "The caller's dashboard in company time: {day, timezone, callsToday, dailyCallTarget, "
            + "dueToday, overdue, conversionsThisMonth}. ETag; If-None-Match → 304")
    @GetMapping("/api/agents/dashboard")
    ResponseEntity<AgentDay.Dashboard> dashboard() {
        return tagged(day.dashboard(user()));
    }

    /** Spring answers 304 itself when If-None-Match names this ETag; no-cache: a cache must ask again each time. */
    private <T> ResponseEntity<T> tagged(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .eTag(sha256(json.writeValueAsBytes(body))).body(body);
    }

    private Caller user() {
        Caller caller = callers.current();
        if (caller.isApiKey()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "The day's view belongs to a user");
        }
        return caller;
    }

    private static String sha256(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
