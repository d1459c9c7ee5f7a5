package com.calliyo.lead.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadAssignmentView;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.events.LeadEventMapper;
import com.calliyo.lead.outbox.WriteLane;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import org.springframework.stereotype.Component;

/**
 * Carries out a job's plan, lead by lead, each as a normal change of the lead aggregate: one compare-and-set on the
 * version the plan was made on, with its events in the same write. Leads are read in batches ({@code _id $in}, one
 * round trip per {@value #BATCH} leads); the writes stay one per lead so every lead keeps its own version check. A lead
 * that changed since the plan was made is left alone: the next run plans again from what is stored, which is also why
 * a run that stopped half-way can simply be run again. Its events wait in the relay's bulk lane.
 */
@Component
class PlanWriter {

    static final int BATCH = 500;

    private final Leads leads;
    private final LeadEventMapper events;
    private final Clock clock;

    PlanWriter(Leads leads, LeadEventMapper events, Clock clock) {
        this.leads = leads;
        this.events = events;
        this.clock = clock;
    }

    /** What was written: leads changed and the distinct agents concerned (who got them, or lost them). */
    record Written(int leads, Set<String> agents) {
    }

    Written assign(String companyId, JobPlans.AssignmentPlan plan, LeadStatusRef assignedStatus, String actor) {
        Map<String, String> target = new HashMap<>();
        plan.plan().placements().forEach(p -> target.put(p.leadId(), p.toAgent()));
        List<String> ids = plan.plan().placements().stream()
                .filter(p -> p.moves() || plan.leads().get(p.leadId()).statusKind() == StatusKind.UNASSIGNED)
                .map(Distribution.Placement::leadId).toList();
        return write(companyId, ids, plan.leads()::get, (lead, now) -> {
            String agent = target.get(lead.id());
            return new Change(lead.assignTo(agent, assignedStatus, actor, now), agent);
        }, actor);
    }

    Written release(String companyId, List<LeadAssignmentView> stale, LeadStatusRef unassigned, String actor) {
        Map<String, LeadAssignmentView> byId = new HashMap<>();
        stale.forEach(v -> byId.put(v.id(), v));
        return write(companyId, stale.stream().map(LeadAssignmentView::id).toList(), byId::get,
                (lead, now) -> new Change(lead.unassign(unassigned, LeadChange.Unassigned.STALE, actor, now),
                        lead.assignedTo()), actor);
    }

    private record Change(List<LeadChange> changes, String agent) {
    }

    @FunctionalInterface
    private interface LeadOperation {
        Change apply(Lead lead, Instant now);
    }

    /** A run's writes go in the relay's bulk lane, behind users' own changes (see {@link WriteLane}). */
    private Written write(String companyId, List<String> ids, Function<String, LeadAssignmentView> planned,
                          LeadOperation operation, String actor) {
        return WriteLane.bulk(() -> writeEach(companyId, ids, planned, operation, actor));
    }

    private Written writeEach(String companyId, List<String> ids, Function<String, LeadAssignmentView> planned,
                              LeadOperation operation, String actor) {
        int written = 0;
        Set<String> agents = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (Lead lead : leads.findAll(companyId, ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
                long planVersion = planned.apply(lead.id()).version();
                if (lead.version() != planVersion || lead.isCustomer()) {
                    continue; // changed since the plan was made: the next run decides again
                }
                String before = lead.assignedTo();
                Instant now = clock.instant();
                Change change = operation.apply(lead, now);
                if (change.changes().isEmpty()) {
                    continue;
                }
                if (leads.update(lead, planVersion, events.toOutbox(lead, change.changes(), actor, now))) {
                    written++;
                    agents.add(change.agent() != null ? change.agent() : before);
                }
            }
        }
        agents.remove(null);
        return new Written(written, agents);
    }
}
