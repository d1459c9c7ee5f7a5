package com.calliyo.lead.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import org.springframework.stereotype.Service;

/**
 * The admin's side of the pipeline: add, rename, delete, reorder. Each change is applied to the pipeline as loaded
 * and stored with one compare-and-set on its version, together with its {@code statuses_changed} event; when another
 * admin got in first, the change is re-applied (and re-validated) on their pipeline, so no update is lost.
 */
@Service
class StatusSettings {

    /** Enough for a handful of admins clicking at once; beyond that the client is told to retry. */
    static final int ATTEMPTS = 8;

    private final StatusCatalog catalog;
    private final MongoPipelines pipelines;
    private final PipelineEvents events;
    private final LeadsInStatus leads;
    private final Clock clock;

    StatusSettings(StatusCatalog catalog, MongoPipelines pipelines, PipelineEvents events, LeadsInStatus leads,
                   Clock clock) {
        this.catalog = catalog;
        this.pipelines = pipelines;
        this.events = events;
        this.leads = leads;
        this.clock = clock;
    }

    List<LeadStatus> list(Caller caller) {
        return catalog.pipeline(caller.companyId());
    }

    LeadStatus add(Caller caller, String name) {
        String id = UUID.randomUUID().toString();
        return change(caller, pipeline -> pipeline.add(id, name)).status(id);
    }

    LeadStatus rename(Caller caller, String id, String name) {
        return change(caller, pipeline -> pipeline.rename(id, name)).status(id);
    }

    /**
     * Refused while any lead of the company is on the status. A lead moved onto it between the count and the
     * write keeps its status ref and shows the last name it had (see {@link StatusCatalog#current}).
     */
    void delete(Caller caller, String id) {
        change(caller, pipeline -> {
            LeadStatus status = pipeline.status(id);
            Pipeline next = pipeline.delete(id);
            long inUse = leads.countInStatus(caller.companyId(), id);
            if (inUse > 0) {
                throw StatusConflictException.inUse(status, inUse);
            }
            return next;
        });
    }

    List<LeadStatus> reorder(Caller caller, List<String> ids) {
        return change(caller, pipeline -> pipeline.reorder(ids)).statuses();
    }

    private Pipeline change(Caller caller, UnaryOperator<Pipeline> rule) {
        if (caller.role() != Role.ADMIN) {
            throw new AdminOnlyException();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Pipeline current = catalog.load(caller.companyId());
            Pipeline next = rule.apply(current);
            if (next == current) {
                return current;
            }
            Instant now = clock.instant();
            if (pipelines.update(next, current.version(), events.statusesChanged(next, caller.userId(), now))) {
                return next;
            }
        }
        throw StatusConflictException.concurrentChange();
    }
}
