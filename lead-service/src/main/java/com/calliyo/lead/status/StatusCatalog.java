package com.calliyo.lead.status;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import org.springframework.stereotype.Service;

/**
 * Looks up a company's statuses by id or (case-insensitive) name, seeding the default pipeline on first use. Every
 * lookup for a change reads the company's one pipeline document. Showing a lead's status by its current name uses
 * the pipeline read at most two seconds ago ({@link RecentPipelines}): a rename shows at once on the instance that
 * made it, and within two seconds on the others.
 */
@Service
public class StatusCatalog {

    private final MongoPipelines pipelines;
    private final PipelineEvents events;
    private final Clock clock;

    StatusCatalog(MongoPipelines pipelines, PipelineEvents events, Clock clock) {
        this.pipelines = pipelines;
        this.events = events;
        this.clock = clock;
    }

    /** The company's statuses in order. */
    public List<LeadStatus> pipeline(String companyId) {
        return load(companyId).statuses();
    }

    public Optional<LeadStatusRef> find(String companyId, String idOrName) {
        Pipeline pipeline = load(companyId);
        return pipeline.byId(idOrName.trim())
                .or(() -> pipeline.byName(idOrName))
                .map(LeadStatus::toRef);
    }

    public LeadStatusRef initial(String companyId) {
        return pipeline(companyId).stream()
                .filter(s -> s.kind() == StatusKind.UNASSIGNED)
                .findFirst()
                .map(LeadStatus::toRef)
                .orElseThrow(() -> new IllegalStateException("Company " + companyId + " has no Unassigned status"));
    }

    /**
     * The status an unassigned lead moves to when it gets an agent: the default pipeline's "Assigned" status, found by
     * its id so a rename keeps working; if an admin deleted it, a status named "Assigned"; if there is none either,
     * empty (the lead is assigned and keeps its status).
     */
    public Optional<LeadStatusRef> assigned(String companyId) {
        Pipeline pipeline = load(companyId);
        return pipeline.byId(DefaultPipeline.assignedId(companyId))
                .or(() -> pipeline.byName("Assigned").filter(s -> s.kind() == StatusKind.OTHER))
                .map(LeadStatus::toRef);
    }

    /**
     * The status a lead stored, as the pipeline names it now: leads keep {@code {id, name, kind}} as written, and
     * a rename shows on every lead at once because reads resolve the name here. A status that is no longer in the
     * pipeline keeps the stored name.
     */
    public LeadStatusRef current(String companyId, LeadStatusRef stored) {
        if (stored == null) {
            return null;
        }
        return shown(companyId).byId(stored.id()).map(LeadStatus::toRef).orElse(stored);
    }

    /** The company's statuses in order, as reads of leads show them (read at most two seconds ago). */
    public List<LeadStatus> shownPipeline(String companyId) {
        return shown(companyId).statuses();
    }

    private Pipeline shown(String companyId) {
        return pipelines.findRecent(companyId).orElseGet(() -> seed(companyId));
    }

    /** The company's pipeline, creating the default one (version 1, published like any change) on first use. */
    Pipeline load(String companyId) {
        return pipelines.find(companyId).orElseGet(() -> seed(companyId));
    }

    private Pipeline seed(String companyId) {
        Pipeline initial = Pipeline.initial(companyId);
        return pipelines.insertIfAbsent(initial,
                events.statusesChanged(initial, PipelineEvents.SYSTEM_ACTOR, clock.instant()));
    }
}
