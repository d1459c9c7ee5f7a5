package com.calliyo.lead.auth;

import java.time.Instant;

/** Too many wrong mPINs: 429 with {@code Retry-After} until {@code until} ({@link MobileAuthController}). */
class MpinLockedException extends RuntimeException {

    private final Instant until;

    MpinLockedException(Instant until) {
        super("Too many wrong M-PINs; try again later");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
