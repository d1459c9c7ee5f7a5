package com.calliyo.web.settings.users;

/** lead-service's answer to an admin's mPIN reset: the new mPIN (in this answer only) and the phones signed out. */
public record MpinReset(String userId, String mpin, int mobileSessionsEnded) {
}
