package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadTest {

    static final LeadStatusRef UNASSIGNED = new LeadStatusRef("s-un", "Unassigned", StatusKind.UNASSIGNED);
    static final LeadStatusRef INTERESTED = new LeadStatusRef("s-in", "Interested", StatusKind.OTHER);
    static final LeadStatusRef CUSTOMER = new LeadStatusRef("s-cu", "Customer", StatusKind.CUSTOMER);
    static final Instant T0 = Instant.parse("2026-05-11T03:30:00Z");
    static final Instant T1 = T0.plusSeconds(3600);

    static Lead newLead() {
        NewLead data = new NewLead("Asha", "Rao", "+919876543210", null, List.of("hot"), "webform", "diwali");
        return Lead.capture("c1", data, UNASSIGNED, "u-admin", T0).lead();
    }

    @Test
    void shouldCaptureAtVersionOneInItsInitialStatus() {
        Lead.Captured captured = Lead.capture("c1",
                new NewLead("Asha", null, "+919876543210", null, null, null, null), UNASSIGNED, "u1", T0);

        assertThat(captured.lead().version()).isEqualTo(1);
        assertThat(captured.lead().status()).isEqualTo(UNASSIGNED);
        assertThat(captured.lead().convertedAt()).isNull();
        assertThat(captured.changes()).containsExactly(new LeadChange.Captured());
    }

    @Test
    void shouldConvertWhenCapturedStraightIntoCustomer() {
        Lead.Captured captured = Lead.capture("c1",
                new NewLead("Asha", null, "+919876543210", null, null, null, null), CUSTOMER, "u1", T0);

        assertThat(captured.lead().convertedAt()).isEqualTo(T0);
        assertThat(captured.lead().convertedBy()).isEqualTo("u1");
        assertThat(captured.changes()).containsExactly(new LeadChange.Captured(), new LeadChange.Converted(T0, "u1"));
    }

    @Test
    void shouldConvertAndCreditTheActorWhenNobodyIsAssigned() {
        Lead lead = newLead();

        List<LeadChange> changes = lead.change(null, CUSTOMER, "u-manager", T1);

        assertThat(changes).containsExactly(new LeadChange.StatusChanged(UNASSIGNED, CUSTOMER),
                new LeadChange.Converted(T1, "u-manager"));
        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.isCustomer()).isTrue();
        assertThat(lead.convertedAt()).isEqualTo(T1);
        assertThat(lead.convertedBy()).isEqualTo("u-manager");
    }

    @Test
    void shouldUnconvertAndKeepTheAuditTrail() {
        Lead lead = newLead();
        lead.change(null, CUSTOMER, "u1", T1);

        List<LeadChange> changes = lead.change(null, INTERESTED, "u2", T1.plusSeconds(60));

        assertThat(changes).containsExactly(new LeadChange.StatusChanged(CUSTOMER, INTERESTED),
                new LeadChange.Unconverted(CUSTOMER, INTERESTED));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedBy()).isNull();
        assertThat(lead.version()).isEqualTo(3);
        assertThat(lead.transitions()).extracting(StatusTransition::by, StatusTransition::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u1", CUSTOMER),
                        org.assertj.core.groups.Tuple.tuple("u2", INTERESTED));
    }

    @Test
    void shouldCreditReconversionAfresh() {
        Lead lead = newLead();
        lead.change(null, CUSTOMER, "u1", T1);
        lead.change(null, INTERESTED, "u1", T1.plusSeconds(60));
        Instant later = T1.plusSeconds(120);

        lead.change(null, CUSTOMER, "u2", later);

        assertThat(lead.convertedAt()).isEqualTo(later);
        assertThat(lead.convertedBy()).isEqualTo("u2");
    }

    @Test
    void shouldNotChangeWhenMovedToItsOwnStatusOrEditedToSameValues() {
        Lead lead = newLead();

        List<LeadChange> changes = lead.change(new LeadEdit("Asha", "Rao", null), UNASSIGNED, "u1", T1);

        assertThat(changes).isEmpty();
        assertThat(lead.version()).isEqualTo(1);
        assertThat(lead.updatedAt()).isEqualTo(T0);
    }

    @Test
    void shouldCountAnEditAndAConversionAsOneChange() {
        Lead lead = newLead();

        List<LeadChange> changes = lead.change(new LeadEdit("Asha K", null, "asha@example.in"), CUSTOMER, "u1", T1);

        assertThat(changes).containsExactly(new LeadChange.Updated(),
                new LeadChange.StatusChanged(UNASSIGNED, CUSTOMER), new LeadChange.Converted(T1, "u1"));
        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.firstName()).isEqualTo("Asha K");
        assertThat(lead.email()).isEqualTo("asha@example.in");
    }

    @Test
    void shouldShowARenamedStatusWithoutANewVersionAndMoveFromItUnderTheNewName() {
        Lead lead = newLead();
        LeadStatusRef renamed = new LeadStatusRef("s-un", "New leads", StatusKind.UNASSIGNED);

        lead.showStatusAs(renamed);
        lead.showStatusAs(INTERESTED);

        assertThat(lead.status()).as("another status's ref is ignored").isEqualTo(renamed);
        assertThat(lead.version()).isEqualTo(1);
        assertThat(lead.change(null, INTERESTED, "u1", T1))
                .containsExactly(new LeadChange.StatusChanged(renamed, INTERESTED));
    }

    @Test
    void shouldKeepAttributionWhenTheLeadIsEditedAndMoved() {
        NewLead data = new NewLead("Asha", null, "+919876543210", null, List.of(), "expo", "diwali",
                CaptureChannel.WEBHOOK, "key-1");
        Lead lead = Lead.capture("c1", data, UNASSIGNED, "u1", T0).lead();

        lead.change(new LeadEdit("Asha K", "Rao", "asha@example.in"), CUSTOMER, "u2", T1);

        assertThat(lead.source()).isEqualTo("expo");
        assertThat(lead.campaign()).isEqualTo("diwali");
        assertThat(lead.captureChannel()).isEqualTo(CaptureChannel.WEBHOOK);
        assertThat(lead.channelRef()).isEqualTo("key-1");
    }

    @Test
    void shouldDefaultToTheFormChannel() {
        assertThat(newLead().captureChannel()).isEqualTo(CaptureChannel.FORM);
        assertThat(newLead().channelRef()).isNull();
    }
}
