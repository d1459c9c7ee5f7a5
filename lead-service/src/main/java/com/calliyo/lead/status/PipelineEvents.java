package com.calliyo.lead.status;

import java.time.Instant;
import java.util.UUID;

import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.shared.OutboxEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a pipeline into its v1 {@code com.calliyo.company.statuses_changed} event, carrying the whole pipeline. */
@Component
class PipelineEvents {

    /** The actor of the default pipeline, which is created with the company rather than by a user. */
    static final String SYSTEM_ACTOR = "system";

    private final JsonMapper json;

    PipelineEvents(JsonMapper json) {
        this.json = json;
    }

    OutboxEntry statusesChanged(Pipeline pipeline, String actorId, Instant now) {
        CompanyStatusesChanged event = new CompanyStatusesChanged(pipeline.companyId(), pipeline.version(), now,
                actorId, pipeline.statuses().stream()
                        .map(s -> new PipelineStatus(s.id(), s.name(), StatusKind.valueOf(s.kind().name()),
                                s.position()))
                        .toList());
        return new OutboxEntry(UUID.randomUUID().toString(), LeadEventType.COMPANY_STATUSES_CHANGED.type(), now,
                json.writeValueAsString(event));
    }
}
