package com.calliyo.lead.events;

import java.time.Instant;
import java.util.List;

/**
 * v1 of {@code com.calliyo.company.statuses_changed} on {@code crm.company.events}, keyed by companyId: the company's
 * whole pipeline, in order, after a status was added, renamed, moved or deleted (and once when the default pipeline
 * is created). {@code pipelineVersion} grows by one with each change, so consumers keep only the newest; since
 * every event carries the whole pipeline, a consumer that missed versions loses nothing.
 */
public record CompanyStatusesChanged(
        String companyId,
        long pipelineVersion,
        Instant occurredAt,
        String actorId,
        List<PipelineStatus> statuses) implements CompanyEvent {
}
