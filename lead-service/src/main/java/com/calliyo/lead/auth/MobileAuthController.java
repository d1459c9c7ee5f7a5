package com.calliyo.lead.auth;

import java.time.Clock;
import java.time.Duration;

import com.calliyo.lead.caller.CallerResolver;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The phone client's sign-in and its mPIN: the mobile counterpart of {@link AuthController}. */
@RestController
class MobileAuthController {

    private final MobileLogin logins;
    private final MpinService mpins;
    private final CallerResolver callers;
    private final Clock clock;

    MobileAuthController(MobileLogin logins, MpinService mpins, CallerResolver callers, Clock clock) {
        this.logins = logins;
        this.mpins = mpins;
        this.callers = callers;
        this.clock = clock;
    }

    @Operation(summary = "Sign in with mobile number (10 national digits or E.164) and mPIN → the web sign-in's "
            + "answer, for a session marked mobile (claim channel=mobile). Problems carry the product's messages: "
            + "400/401 'Invalid mobile number', 400/401 'Invalid M-PIN', 401 'User is banned / inactive'; five wrong "
            + "mPINs → 429 with Retry-After for 15 minutes; 409 with choices when the number and mPIN fit accounts "
            + "of several companies (send companyCode)")
    @SecurityRequirements
    @PostMapping("/api/agents/auth/login")
    ResponseEntity<AuthController.LoginResponse> login(@Valid @RequestBody MobileLoginRequest request) {
        String deviceId = request.deviceId() == null || request.deviceId().isBlank() ? null : request.deviceId().trim();
        return AuthController.granted(logins.login(request.companyCode(), request.mobile(), request.mpin(),
                deviceId));
    }

    @Operation(summary = "Change one's own mPIN {current, new, confirm} → 204; a wrong current counts towards the "
            + "lockout (400 'Invalid M-PIN', then 429); new must have the company's length")
    @PutMapping("/api/agents/mpin")
    ResponseEntity<Void> change(@RequestBody ChangeMpinRequest request) {
        mpins.change(callers.current(), request.current(), request.newMpin(), request.confirm());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Reset a user's mPIN (ADMIN): {mpin?} (random when left out) → {userId, mpin, "
            + "mobileSessionsEnded}; ends the user's mobile sessions at once")
    @PostMapping("/api/users/{id}/mpin-reset")
    ResponseEntity<MpinService.Reset> reset(@PathVariable String id,
                                            @RequestBody(required = false) ResetMpinRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(mpins.reset(callers.current(), id, request == null ? null : request.mpin()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> locked(MpinLockedException locked) {
        long seconds = Math.max(1, Duration.between(clock.instant(), locked.until()).toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many wrong M-PINs; try again in " + (seconds + 59) / 60 + " minutes");
        problem.setTitle("M-PIN locked");
        problem.setProperty("lockedUntil", locked.until().toString());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    record MobileLoginRequest(@Size(max = 64) String companyCode, String mobile, String mpin,
                              @Size(max = 100) String deviceId) {
    }

    /** {@code new} is a Java keyword: the JSON member is {@code new}. */
    record ChangeMpinRequest(String current, @JsonProperty("new") String newMpin,
                             String confirm) {
    }

    record ResetMpinRequest(String mpin) {
    }
}
