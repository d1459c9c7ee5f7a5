package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadAssignmentTest {

    static final LeadStatusRef UNASSIGNED = new LeadStatusRef("s-un", "Unassigned", StatusKind.UNASSIGNED);
    static final LeadStatusRef ASSIGNED = new LeadStatusRef("s-as", "Assigned", StatusKind.OTHER);
    static final LeadStatusRef INTERESTED = new LeadStatusRef("s-in", "Interested", StatusKind.OTHER);
    static final LeadStatusRef CUSTOMER = new LeadStatusRef("s-cu", "Customer", StatusKind.CUSTOMER);
    static final Instant T0 = Instant.parse("2026-05-11T03:30:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    private static Lead lead(LeadStatusRef status) {
        return Lead.capture("c1", new NewLead("Asha", null, "+919876543210", null, List.of(), null, null, null, null),
                status, "u-admin", T0).lead();
    }

    @Test
    void shouldMoveAnUnassignedLeadToAssignedInOneVersion() {
        Lead lead = lead(UNASSIGNED);

        List<LeadChange> changes = lead.assignTo("agent-1", ASSIGNED, "u-admin", T1);

        assertThat(changes).containsExactly(new LeadChange.Assigned(null, "agent-1"),
                new LeadChange.StatusChanged(UNASSIGNED, ASSIGNED));
        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.assignedTo()).isEqualTo("agent-1");
        assertThat(lead.status()).isEqualTo(ASSIGNED);
        assertThat(lead.updatedAt()).isEqualTo(T1);
        assertThat(lead.transitions()).hasSize(1);
    }

    @Test
    void shouldKeepAnyOtherStatusWhenReassigning() {
        Lead lead = lead(INTERESTED);
        lead.assignTo("agent-1", ASSIGNED, "u-admin", T1);

        List<LeadChange> changes = lead.assignTo("agent-2", ASSIGNED, "u-admin", T1);

        assertThat(changes).containsExactly(new LeadChange.Assigned("agent-1", "agent-2"));
        assertThat(lead.status()).isEqualTo(INTERESTED);
        assertThat(lead.version()).isEqualTo(3);
    }

    @Test
    void shouldChangeNothingWhenTheAgentAlreadyHoldsTheLead() {
        Lead lead = lead(INTERESTED);
        lead.assignTo("agent-1", ASSIGNED, "u-admin", T1);

        assertThat(lead.assignTo("agent-1", ASSIGNED, "u-admin", T1)).isEmpty();
        assertThat(lead.version()).isEqualTo(2);
    }

    @Test
    void shouldAssignWithoutStatusChangeWhenThePipelineHasNoAssignedStatus() {
        Lead lead = lead(UNASSIGNED);

        assertThat(lead.assignTo("agent-1", null, "u-admin", T1))
                .containsExactly(new LeadChange.Assigned(null, "agent-1"));
        assertThat(lead.status()).isEqualTo(UNASSIGNED);
    }

    @Test
    void shouldNeverReassignACustomer() {
        Lead lead = lead(CUSTOMER);

        assertThatThrownBy(() -> lead.assignTo("agent-1", ASSIGNED, "u-admin", T1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lead.unassign(UNASSIGNED, LeadChange.Unassigned.STALE, "u-admin", T1)).isInstanceOf(IllegalStateException.class);
        assertThat(lead.version()).isEqualTo(1);
    }

    @Test
    void shouldUnassignBackToUnassigned() {
        Lead lead = lead(UNASSIGNED);
        lead.assignTo("agent-1", ASSIGNED, "u-admin", T1);

        List<LeadChange> changes = lead.unassign(UNASSIGNED, LeadChange.Unassigned.STALE, "system:stale-leads", T1);

        assertThat(changes).containsExactly(new LeadChange.Unassigned("agent-1", LeadChange.Unassigned.STALE),
                new LeadChange.StatusChanged(ASSIGNED, UNASSIGNED));
        assertThat(lead.assignedTo()).isNull();
        assertThat(lead.version()).isEqualTo(3);
    }

    @Test
    void shouldReportAnUnassignWithoutStatusMoveAsAnUpdate() {
        Lead lead = lead(UNASSIGNED);
        lead.assignTo("agent-1", null, "u-admin", T1);

        assertThat(lead.unassign(UNASSIGNED, LeadChange.Unassigned.STALE, "system:stale-leads", T1)).containsExactly(
                new LeadChange.Unassigned("agent-1", LeadChange.Unassigned.STALE), new LeadChange.Updated());
        assertThat(lead.assignedTo()).isNull();
    }
}
