package com.calliyo.lead.lead.domain;

import java.time.Instant;

/**
 * A logged call, kept inside its lead. {@code connected} is stored as well as derived (duration &gt; 0, whatever the
 * status: spec K1) so that the stored document answers report queries without rules. {@code startedAt} is when the
 * call happened (the log time when the client does not say), {@code loggedAt} when it was recorded.
 */
public record Call(String id, CallStatus callStatus, int durationSeconds, boolean connected, String note,
                   Instant startedAt, String loggedBy, Instant loggedAt) {

    public static Call logged(CallStatus callStatus, int durationSeconds, String note, Instant startedAt,
                              String loggedBy, Instant loggedAt) {
        return new Call(ActivityIds.random(), callStatus, durationSeconds, durationSeconds > 0, note,
                startedAt == null ? loggedAt : startedAt, loggedBy, loggedAt);
    }
}
