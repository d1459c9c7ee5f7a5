package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class LeadActivityTest {

    static final LeadStatusRef FOLLOWUPS = new LeadStatusRef("s-fu", "Followups", StatusKind.FOLLOWUPS);
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    /** Monday 11 May 2026, 09:00 in Kolkata. */
    static final Instant T0 = LeadTest.T0;

    private static Call call(CallStatus status, int seconds, Instant at) {
        return Call.logged(status, seconds, null, null, "u-agent", at);
    }

    private static FollowUp followUp(Lead lead, Instant scheduledAt, Instant now) {
        return FollowUp.scheduled(lead.id(), scheduledAt, "call back", "u-agent", "u-agent", now, null);
    }

    @ParameterizedTest
    @EnumSource(value = CallStatus.class, names = {"CALLED", "BUSY", "NO_ANSWER", "MISSED", "IN_PROGRESS"})
    void shouldLeaveTheStatusAloneForCallsThatScheduleNothing(CallStatus status) {
        Lead lead = LeadTest.newLead();
        Call call = call(status, 0, T0);

        List<LeadChange> changes = lead.logCall(call, null, null, KOLKATA, "u-agent", T0);

        assertThat(status.schedulesFollowUp()).isFalse();
        assertThat(changes).containsExactly(new LeadChange.CallLogged(call));
        assertThat(lead.status()).isEqualTo(LeadTest.UNASSIGNED);
        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.calls()).containsExactly(call);
        assertThat(lead.followUps()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = CallStatus.class, names = {"FOLLOW_UP", "RESCHEDULED"})
    void shouldScheduleAFollowUpAndMoveToFollowupsInOneVersion(CallStatus status) {
        Lead lead = LeadTest.newLead();
        Call call = call(status, 42, T0);
        FollowUp followUp = followUp(lead, T0.plusSeconds(86_400), T0);

        List<LeadChange> changes = lead.logCall(call, followUp, FOLLOWUPS, KOLKATA, "u-agent", T0);

        assertThat(status.schedulesFollowUp()).isTrue();
        assertThat(changes).containsExactly(new LeadChange.CallLogged(call),
                new LeadChange.FollowUpScheduled(followUp),
                new LeadChange.StatusChanged(LeadTest.UNASSIGNED, FOLLOWUPS));
        assertThat(lead.status()).isEqualTo(FOLLOWUPS);
        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.transitions()).last().extracting(StatusTransition::to).isEqualTo(FOLLOWUPS);
    }

    @Test
    void shouldNotMoveALeadAlreadyInFollowups() {
        Lead lead = LeadTest.newLead();
        lead.scheduleFollowUp(followUp(lead, T0.plusSeconds(3600), T0), FOLLOWUPS, "u-agent", T0);

        FollowUp second = followUp(lead, T0.plusSeconds(7200), T0);
        List<LeadChange> changes = lead.scheduleFollowUp(second, FOLLOWUPS, "u-agent", T0);

        assertThat(changes).containsExactly(new LeadChange.FollowUpScheduled(second));
        assertThat(lead.version()).isEqualTo(3);
    }

    @Test
    void shouldKeepACustomerConvertedWhenACallSchedulesAFollowUp() {
        Lead lead = LeadTest.newLead();
        lead.change(null, LeadTest.CUSTOMER, "u-admin", T0);
        Call call = call(CallStatus.FOLLOW_UP, 30, T0);
        FollowUp followUp = followUp(lead, T0.plusSeconds(86_400), T0);

        List<LeadChange> changes = lead.logCall(call, followUp, FOLLOWUPS, KOLKATA, "u-agent", T0);

        assertThat(changes).containsExactly(new LeadChange.CallLogged(call),
                new LeadChange.FollowUpScheduled(followUp));
        assertThat(lead.isCustomer()).isTrue();
        assertThat(lead.convertedAt()).isEqualTo(T0);
    }

    @Test
    void shouldMarkACallConnectedExactlyWhenItHasADuration() {
        assertThat(call(CallStatus.BUSY, 1, T0).connected()).isTrue();
        assertThat(call(CallStatus.CALLED, 0, T0).connected()).isFalse();
        assertThat(call(CallStatus.CALLED, 0, T0).startedAt()).isEqualTo(T0);
    }

    @Test
    void shouldResolveFollowUpsDueOnOrBeforeTheCallsDayInTheCompanyZone() {
        Lead lead = LeadTest.newLead();
        Instant mondayLateIst = Instant.parse("2026-05-11T18:29:00Z");      // 23:59 IST Monday
        Instant tuesdayMidnightIst = Instant.parse("2026-05-11T18:30:00Z"); // 00:00 IST Tuesday
        Instant sundayIst = Instant.parse("2026-05-10T06:00:00Z");
        FollowUp dueToday = followUp(lead, mondayLateIst, sundayIst.minusSeconds(86_400));
        FollowUp tomorrow = followUp(lead, tuesdayMidnightIst, sundayIst.minusSeconds(86_400));
        FollowUp yesterday = followUp(lead, sundayIst, sundayIst.minusSeconds(86_400));
        lead.scheduleFollowUp(dueToday, FOLLOWUPS, "u-agent", T0);
        lead.scheduleFollowUp(tomorrow, FOLLOWUPS, "u-agent", T0);
        lead.scheduleFollowUp(yesterday, FOLLOWUPS, "u-agent", T0);
        long before = lead.version();

        Call call = call(CallStatus.CALLED, 60, T0);
        List<LeadChange> changes = lead.logCall(call, null, null, KOLKATA, "u-agent", T0.plusSeconds(60));

        assertThat(changes).hasSize(3).first().isEqualTo(new LeadChange.CallLogged(call));
        assertThat(changes.subList(1, 3)).extracting(c -> ((LeadChange.FollowUpResolved) c).followUp().id())
                .containsExactlyInAnyOrder(dueToday.id(), yesterday.id());
        assertThat(lead.followUp(tomorrow.id())).get().matches(FollowUp::isOpen);
        assertThat(lead.followUp(dueToday.id()).get().resolvedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(lead.followUp(dueToday.id()).get().resolvedBy()).isEqualTo("u-agent");
        assertThat(lead.version()).isEqualTo(before + 1);
    }

    @Test
    void shouldResolveAFollowUpOnceAndIgnoreASecondResolve() {
        Lead lead = LeadTest.newLead();
        FollowUp followUp = followUp(lead, T0.plusSeconds(3600), T0);
        lead.scheduleFollowUp(followUp, FOLLOWUPS, "u-agent", T0);

        List<LeadChange> first = lead.resolveFollowUp(followUp.id(), "u-agent", T0.plusSeconds(60));
        long version = lead.version();
        List<LeadChange> second = lead.resolveFollowUp(followUp.id(), "u-agent", T0.plusSeconds(120));

        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        assertThat(lead.version()).isEqualTo(version);
        assertThat(lead.followUp(followUp.id()).get().resolvedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(lead.status()).isEqualTo(FOLLOWUPS);
    }

    @Test
    void shouldAddNotesToCustomersWithoutTouchingTheStatus() {
        Lead lead = LeadTest.newLead();
        lead.change(null, LeadTest.CUSTOMER, "u-admin", T0);
        Note note = Note.written("renewal in June", "u-agent", T0);

        assertThat(lead.addNote(note, T0)).containsExactly(new LeadChange.NoteAdded(note));
        assertThat(lead.isCustomer()).isTrue();
        assertThat(lead.notes()).containsExactly(note);
        assertThat(lead.version()).isEqualTo(3);
    }

    @Test
    void shouldCarryTheLeadIdInFollowUpIds() {
        Lead lead = LeadTest.newLead();
        FollowUp followUp = followUp(lead, T0, T0);

        assertThat(ActivityIds.leadOfFollowUp(followUp.id())).hasValue(lead.id());
        assertThat(ActivityIds.leadOfFollowUp("no-separator")).isEmpty();
        assertThat(ActivityIds.leadOfFollowUp("_x")).isEmpty();
        assertThat(ActivityIds.leadOfFollowUp("x_")).isEmpty();
    }
}
