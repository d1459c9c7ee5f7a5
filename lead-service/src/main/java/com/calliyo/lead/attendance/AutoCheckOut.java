package com.calliyo.lead.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The 23:59 check-out: every tick, closes the open attendances whose day is over in their company's timezone, as
 * {@code AUTOMATIC} at 23:59 (not at the tick), with {@code actorId} system. Several instances may sweep at once:
 * each close is a compare-and-set on the attendance's state, so exactly one of them closes it and queues its event.
 */
@Component
class AutoCheckOut {

    private static final Logger log = LoggerFactory.getLogger(AutoCheckOut.class);
    /** Closed per query; the sweep goes on until none is due. */
    private static final int BATCH = 200;

    private final AttendanceStore store;
    private final AttendanceService attendance;
    private final Clock clock;

    AutoCheckOut(AttendanceStore store, AttendanceService attendance, Clock clock) {
        this.store = store;
        this.attendance = attendance;
        this.clock = clock;
    }

    void tick() {
        int closed = run(clock.instant());
        if (closed > 0) {
            log.info("Checked out {} attendances automatically", closed);
        }
    }

    /** Closes what is due at {@code now}; returns how many this instance closed. */
    int run(Instant now) {
        int closed = 0;
        List<Attendance> due = store.dueForAutoCheckOut(now, BATCH);
        while (!due.isEmpty()) {
            int before = closed;
            for (Attendance open : due) {
                closed += attendance.closeAutomatically(open, now) ? 1 : 0;
            }
            if (closed == before && due.size() < BATCH) {
                break; // another instance closed them all: nothing more of ours to do
            }
            due = store.dueForAutoCheckOut(now, BATCH);
        }
        return closed;
    }
}
