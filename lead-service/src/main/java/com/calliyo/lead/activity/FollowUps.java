package com.calliyo.lead.activity;

import java.time.Instant;
import java.time.ZoneId;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.application.LeadNotFoundException;
import com.calliyo.lead.lead.domain.ActivityIds;
import com.calliyo.lead.lead.domain.FollowUp;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Schedules follow-ups by hand (lead → Followups; a customer keeps its status) and resolves them. Resolving is
 * idempotent: a follow-up already resolved is answered as it is, with no new version and no event, so a client may
 * safely retry.
 */
@Service
class FollowUps {

    private final LeadWrites writes;
    private final FollowUpsStatus followUpsStatus;
    private final CompanyZones zones;

    FollowUps(LeadWrites writes, FollowUpsStatus followUpsStatus, CompanyZones zones) {
        this.writes = writes;
        this.followUpsStatus = followUpsStatus;
        this.zones = zones;
    }

    record Result(Lead lead, FollowUp followUp, ZoneId zone, Instant at) {
    }

    Result schedule(Caller caller, String leadId, Instant scheduledAt, String note) {
        if (!scheduledAt.isAfter(writes.now())) {
            throw new InvalidFieldException("scheduledAt", "must be in the future");
        }
        LeadStatusRef followUps = followUpsStatus.of(caller.companyId());
        LeadWrites.Written written = writes.write(caller, leadId, (lead, now) -> lead.scheduleFollowUp(
                FollowUp.scheduled(lead.id(), scheduledAt, note, Owners.of(lead, caller), caller.userId(), now, null),
                followUps, caller.userId(), now));
        FollowUp scheduled = written.all(LeadChange.FollowUpScheduled.class).get(0).followUp();
        return new Result(written.lead(), scheduled, zones.zoneOf(caller.companyId()), written.at());
    }

    Result resolve(Caller caller, String followUpId) {
        String leadId = ActivityIds.leadOfFollowUp(followUpId).orElseThrow(() -> notFound(followUpId));
        LeadWrites.Written written;
        try {
            written = writes.write(caller, leadId, (lead, now) -> {
                if (lead.followUp(followUpId).isEmpty()) {
                    throw notFound(followUpId);
                }
                return lead.resolveFollowUp(followUpId, caller.userId(), now);
            });
        } catch (LeadNotFoundException e) {
            throw notFound(followUpId);
        }
        FollowUp followUp = written.lead().followUp(followUpId).orElseThrow(() -> notFound(followUpId));
        return new Result(written.lead(), followUp, zones.zoneOf(caller.companyId()), written.at());
    }

    private static ApiException notFound(String followUpId) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "No follow-up with id " + followUpId);
    }
}
