package com.calliyo.lead.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.calliyo.lead.lead.domain.LeadAssignmentView;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.user.User;

/**
 * What each job would do to the company's leads as they are now (pure; the inputs come from one scan of the leads
 * and one read of the agents). Customers are never in the views, so never touched; leads with an open future
 * follow-up are left alone.
 */
final class JobPlans {

    private static final Comparator<LeadAssignmentView> OLDEST_FIRST =
            Comparator.comparing(LeadAssignmentView::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(LeadAssignmentView::id);

    private JobPlans() {
    }

    /** The placements and, for each lead, the version the plan was made on. */
    record AssignmentPlan(Distribution.Plan plan, Map<String, LeadAssignmentView> leads) {
    }

    /**
     * Auto-reassignment (A6–A9): every lead in an eligible status is in the pool, wherever it is now. Leads held by
     * an eligible agent are placed first, so they always find a place (their agent's room covers them) and a lead
     * that cannot be placed never pushes its current agent above cap; then the rest, oldest first.
     */
    static AssignmentPlan autoAssignment(List<LeadAssignmentView> views, List<User> agents,
                                         Set<String> eligibleStatuses, Set<String> skipped) {
        Set<String> agentIds = ids(agents);
        List<LeadAssignmentView> pool = views.stream()
                .filter(v -> v.statusKind() != StatusKind.CUSTOMER && eligibleStatuses.contains(v.statusId()))
                .filter(v -> !skipped.contains(v.id()))
                .sorted(Comparator.comparing((LeadAssignmentView v) -> !agentIds.contains(v.assignedTo()))
                        .thenComparing(OLDEST_FIRST))
                .toList();
        Map<String, Integer> held = held(views);
        pool.forEach(v -> {
            if (v.assignedTo() != null) {
                held.merge(v.assignedTo(), -1, Integer::sum);
            }
        });
        return plan(agents, held, pool);
    }

    /** Top-up (A12–A13): Unassigned leads nobody holds, oldest first, until every agent is at cap. */
    static AssignmentPlan topUp(List<LeadAssignmentView> views, List<User> agents, Set<String> skipped) {
        List<LeadAssignmentView> pool = views.stream()
                .filter(v -> v.statusKind() == StatusKind.UNASSIGNED && v.assignedTo() == null)
                .filter(v -> !skipped.contains(v.id()))
                .sorted(OLDEST_FIRST)
                .toList();
        return plan(agents, held(views), pool);
    }

    /** Stale-lead clean-up (§3.7): assigned leads that have not changed for {@code afterDays} days. */
    static List<LeadAssignmentView> staleLeads(List<LeadAssignmentView> views, int afterDays, Instant now,
                                               Set<String> skipped) {
        Instant cutoff = now.minus(Duration.ofDays(afterDays));
        return views.stream()
                .filter(v -> v.statusKind() != StatusKind.CUSTOMER && v.assignedTo() != null)
                .filter(v -> v.updatedAt() != null && v.updatedAt().isBefore(cutoff))
                .filter(v -> !skipped.contains(v.id()))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    private static AssignmentPlan plan(List<User> agents, Map<String, Integer> held, List<LeadAssignmentView> pool) {
        List<Distribution.AgentLoad> loads = agents.stream()
                .map(a -> new Distribution.AgentLoad(a.id(), a.leadCap(), Math.max(0, held.getOrDefault(a.id(), 0))))
                .toList();
        List<Distribution.Candidate> candidates = new ArrayList<>();
        Map<String, LeadAssignmentView> byId = new HashMap<>();
        for (LeadAssignmentView view : pool) {
            candidates.add(new Distribution.Candidate(view.id(), view.assignedTo()));
            byId.put(view.id(), view);
        }
        return new AssignmentPlan(Distribution.distribute(loads, candidates), byId);
    }

    /** Leads held per agent: assigned to them and not customers (the views never include customers). */
    private static Map<String, Integer> held(List<LeadAssignmentView> views) {
        Map<String, Integer> held = new HashMap<>();
        for (LeadAssignmentView view : views) {
            if (view.assignedTo() != null && view.statusKind() != StatusKind.CUSTOMER) {
                held.merge(view.assignedTo(), 1, Integer::sum);
            }
        }
        return held;
    }

    private static Set<String> ids(List<User> agents) {
        return new HashSet<>(agents.stream().map(User::id).toList()); // contains(null) must answer false
    }
}
