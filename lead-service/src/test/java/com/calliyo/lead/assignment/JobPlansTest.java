package com.calliyo.lead.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.calliyo.lead.caller.Role;
import com.calliyo.lead.lead.domain.LeadAssignmentView;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.user.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobPlansTest {

    private static final Instant NOW = Instant.parse("2026-05-11T03:30:00Z");

    private static LeadAssignmentView view(String id, String status, StatusKind kind, String agent, int ageDays) {
        Instant at = NOW.minus(Duration.ofDays(ageDays));
        return new LeadAssignmentView(id, 1, status, kind, agent, at, at);
    }

    private static User agent(String id, int cap) {
        return new User(id, "c1", id, id + "@x", "h", Role.AGENT, null, cap, null, null, false, null, NOW, NOW, 1);
    }

    @Test
    void shouldReassignOnlyLeadsInEligibleStatusesAndSkipOpenFollowUps() {
        List<LeadAssignmentView> views = List.of(view("l1", "s-np", StatusKind.OTHER, "a", 3),
                view("l2", "s-in", StatusKind.OTHER, "a", 2), view("l3", "s-un", StatusKind.UNASSIGNED, null, 1),
                view("l4", "s-np", StatusKind.OTHER, null, 1));

        JobPlans.AssignmentPlan plan = JobPlans.autoAssignment(views, List.of(agent("a", 10), agent("b", 10)),
                Set.of("s-np", "s-un"), Set.of("l4"));

        assertThat(plan.plan().placements()).extracting(Distribution.Placement::leadId)
                .containsExactly("l1", "l3"); // held by an eligible agent first, then the rest oldest first
        assertThat(plan.leads()).doesNotContainKeys("l2", "l4");
    }

    @Test
    void shouldTopUpFromUnassignedLeadsOldestFirst() {
        List<LeadAssignmentView> views = List.of(view("new", "s-un", StatusKind.UNASSIGNED, null, 1),
                view("old", "s-un", StatusKind.UNASSIGNED, null, 9), view("held", "s-un", StatusKind.UNASSIGNED, "a", 9),
                view("other", "s-np", StatusKind.OTHER, null, 9));

        JobPlans.AssignmentPlan plan = JobPlans.topUp(views, List.of(agent("a", 2)), Set.of());

        assertThat(plan.plan().placements()).extracting(Distribution.Placement::leadId).containsExactly("old");
        assertThat(plan.plan().leftOver()).extracting(Distribution.Candidate::leadId).containsExactly("new");
    }

    @Test
    void shouldFindStaleAssignedLeadsButNeverCustomers() {
        List<LeadAssignmentView> views = List.of(view("stale", "s-np", StatusKind.OTHER, "a", 31),
                view("fresh", "s-np", StatusKind.OTHER, "a", 5), view("free", "s-un", StatusKind.UNASSIGNED, null, 40),
                view("customer", "s-cu", StatusKind.CUSTOMER, "a", 40));

        assertThat(JobPlans.staleLeads(views, 30, NOW, Set.of())).extracting(LeadAssignmentView::id)
                .containsExactly("stale");
    }

    @Test
    void shouldNeverPushAnAgentAboveCapOverRandomCompanies() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<User> agents = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                agents.add(agent("a" + i, 1 + random.nextInt(8)));
            }
            List<LeadAssignmentView> views = new ArrayList<>();
            Map<String, Integer> held = new HashMap<>();
            for (int i = random.nextInt(60); i > 0; i--) {
                User owner = random.nextBoolean() ? null : agents.get(random.nextInt(agents.size()));
                boolean full = owner != null && held.getOrDefault(owner.id(), 0) >= owner.leadCap();
                String agentId = owner == null || full ? null : owner.id();
                if (agentId != null) {
                    held.merge(agentId, 1, Integer::sum);
                }
                boolean customer = random.nextInt(6) == 0;
                views.add(view("l" + i, customer ? "s-cu" : random.nextBoolean() ? "s-np" : "s-in",
                        customer ? StatusKind.CUSTOMER : StatusKind.OTHER, agentId, random.nextInt(20)));
            }

            JobPlans.AssignmentPlan plan = JobPlans.autoAssignment(views, agents, Set.of("s-np"), Set.of());

            Map<String, Integer> after = new HashMap<>();
            Map<String, String> owner = new HashMap<>();
            views.forEach(v -> owner.put(v.id(), v.assignedTo()));
            plan.plan().placements().forEach(p -> owner.put(p.leadId(), p.toAgent()));
            views.stream().filter(v -> v.statusKind() != StatusKind.CUSTOMER && owner.get(v.id()) != null)
                    .forEach(v -> after.merge(owner.get(v.id()), 1, Integer::sum));
            long seedUsed = seed;
            agents.forEach(a -> assertThat(after.getOrDefault(a.id(), 0)).as("seed %d agent %s", seedUsed, a.id())
                    .isLessThanOrEqualTo(a.leadCap()));
            assertThat(plan.plan().placements()).as("seed %d: customers untouched", seed)
                    .allSatisfy(p -> assertThat(p.leadId()).isIn(views.stream()
                            .filter(v -> v.statusKind() != StatusKind.CUSTOMER).map(LeadAssignmentView::id).toList()));
        }
    }
}
