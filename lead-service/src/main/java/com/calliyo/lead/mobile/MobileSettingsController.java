package com.calliyo.lead.mobile;

import java.time.Clock;
import java.util.Map;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Settings → Mobile: the mPIN length and the attendance requirement (ADMIN; security also says so). */
@RestController
class MobileSettingsController {

    private final MobileSettingsStore store;
    private final CallerResolver callers;
    private final Clock clock;

    MobileSettingsController(MobileSettingsStore store, CallerResolver callers, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.clock = clock;
    }

    @Operation(summary = "The company's phone settings: {mpinLength: 4|6, requireAttendance}")
    @GetMapping("/api/settings/mobile")
    MobileSettings settings() {
        return store.of(admin().companyId());
    }

    @Operation(summary = "Change the phone settings; both members required. mpinLength applies to mPINs set from now "
            + "on (existing ones keep working); requireAttendance makes tasks, leads and calls answer 423 to agents "
            + "who have not checked in today")
    @PutMapping("/api/settings/mobile")
    MobileSettings change(@RequestBody Body body) {
        Caller caller = admin();
        if (body.mpinLength() == null || (body.mpinLength() != 4 && body.mpinLength() != 6)) {
            throw invalid("mpinLength", "must be 4 or 6");
        }
        if (body.requireAttendance() == null) {
            throw invalid("requireAttendance", "must be true or false");
        }
        MobileSettings settings = new MobileSettings(body.mpinLength(), body.requireAttendance());
        store.save(caller.companyId(), settings, caller.userId(), clock.instant());
        return settings;
    }

    private Caller admin() {
        Caller caller = callers.current();
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can manage mobile settings");
        }
        return caller;
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", message, field, Map.of());
    }

    /** Wrapper types: a missing member is named instead of becoming 0 or false. */
    record Body(Integer mpinLength, Boolean requireAttendance) {
    }
}
