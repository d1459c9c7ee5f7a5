package com.calliyo.lead.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Call;
import com.calliyo.lead.lead.domain.CallStatus;
import com.calliyo.lead.lead.domain.FollowUp;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import org.springframework.stereotype.Service;

/**
 * Logs a call on a lead (spec §3.4). FOLLOW_UP and RESCHEDULED schedule a follow-up, owned by the lead's assignee, at
 * {@code followUpAt} or the next working day at 10:00 company time, and move the lead to Followups; a customer keeps
 * its status (only an explicit status change un-converts). Every call resolves the open follow-ups due on or before
 * its day. All of it is one write with one new version.
 */
@Service
class LogCall {

    /** How far a client clock may run ahead before a "started" time counts as in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final LeadWrites writes;
    private final FollowUpsStatus followUpsStatus;
    private final CompanyZones zones;

    LogCall(LeadWrites writes, FollowUpsStatus followUpsStatus, CompanyZones zones) {
        this.writes = writes;
        this.followUpsStatus = followUpsStatus;
        this.zones = zones;
    }

    record Command(CallStatus status, int durationSeconds, String note, Instant startedAt, Instant followUpAt) {
    }

    record Logged(Lead lead, Call call, FollowUp followUp, List<FollowUp> resolved, ZoneId zone, Instant at) {
    }

    Logged log(Caller caller, String leadId, Command command) {
        check(command, writes.now());
        ZoneId zone = zones.zoneOf(caller.companyId());
        LeadStatusRef followUps = command.status().schedulesFollowUp() ? followUpsStatus.of(caller.companyId()) : null;
        LeadWrites.Written written = writes.write(caller, leadId, (lead, now) -> {
            Call call = Call.logged(command.status(), command.durationSeconds(), command.note(), command.startedAt(),
                    caller.userId(), now);
            FollowUp followUp = followUps == null ? null : FollowUp.scheduled(lead.id(),
                    command.followUpAt() != null ? command.followUpAt() : WorkingDays.defaultFollowUpAt(now, zone),
                    command.note(), Owners.of(lead, caller), caller.userId(), now, call.id());
            return lead.logCall(call, followUp, followUps, zone, caller.userId(), now);
        });
        Call call = written.all(LeadChange.CallLogged.class).get(0).call();
        FollowUp scheduled = written.all(LeadChange.FollowUpScheduled.class).stream()
                .map(LeadChange.FollowUpScheduled::followUp).findFirst().orElse(null);
        List<FollowUp> resolved = written.all(LeadChange.FollowUpResolved.class).stream()
                .map(LeadChange.FollowUpResolved::followUp).toList();
        return new Logged(written.lead(), call, scheduled, resolved, zone, written.at());
    }

    private static void check(Command command, Instant now) {
        if (command.startedAt() != null && command.startedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("startedAt", "must not be in the future");
        }
        if (command.followUpAt() != null) {
            if (!command.status().schedulesFollowUp()) {
                throw new InvalidFieldException("followUpAt", "is only for the call statuses FOLLOW_UP and RESCHEDULED");
            }
            if (!command.followUpAt().isAfter(now)) {
                throw new InvalidFieldException("followUpAt", "must be in the future");
            }
        }
    }
}
