package com.calliyo.lead.mobile;

/**
 * A company's settings for its phone clients: how many digits an mPIN has (4 or 6) and whether agents must check in
 * before tasks, leads and calls open to them. New companies: 4 digits, attendance not required.
 */
public record MobileSettings(int mpinLength, boolean requireAttendance) {

    public static final MobileSettings DEFAULTS = new MobileSettings(4, false);
}
