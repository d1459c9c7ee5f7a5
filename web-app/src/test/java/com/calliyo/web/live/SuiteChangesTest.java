package com.calliyo.web.live;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.web.live.SuiteChange.CustomerChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pages an event makes stale, and which agents may hear of it. */
class SuiteChangesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final StatusRef CUSTOMER = new StatusRef("s-c", "Customer", StatusKind.CUSTOMER);
    static final StatusRef ASSIGNED = new StatusRef("s-a", "Assigned", StatusKind.OTHER);

    static LeadSnapshot lead(StatusRef status, String assignedTo, String convertedBy) {
        return new LeadSnapshot("Ravi", "Rao", "+919876543210", null, List.of(), status, assignedTo, "webform", null,
                NOW, convertedBy == null ? null : NOW, convertedBy);
    }

    @Test
    void shouldNameTheNewCustomerAndTellItsAgentsOfAConversion() {
        SuiteChange change = SuiteChanges.of(new LeadConverted("c-1", "lead-1", 4, NOW, "agent-1",
                lead(CUSTOMER, "agent-1", "agent-1"), NOW, "agent-1", List.of(), false, 0));

        assertThat(change.areas()).containsExactlyInAnyOrder(LiveArea.LEADS, LiveArea.CUSTOMERS, LiveArea.REPORTS);
        assertThat(change.customer()).isEqualTo(new CustomerChange("lead-1", true));
        assertThat(change.concerns("c-1", "agent-1", true)).isTrue();
        assertThat(change.concerns("c-1", "agent-2", true)).isFalse();
        assertThat(change.concerns("c-1", "manager-1", false)).isTrue();
        assertThat(change.concerns("c-2", "manager-1", false)).isFalse();
    }

    @Test
    void shouldSayTheCustomerIsGoneAfterAnUnconversion() {
        SuiteChange change = SuiteChanges.of(new LeadUnconverted("c-1", "lead-1", 5, NOW, "manager-1",
                lead(ASSIGNED, "agent-1", null), CUSTOMER, ASSIGNED));

        assertThat(change.customer()).isEqualTo(new CustomerChange("lead-1", false));
        assertThat(change.concerns("c-1", "agent-1", true)).isTrue(); // still holds the lead
    }

    @Test
    void shouldTellTheAgentWhoLostALeadAsWellAsTheOneWhoGotIt() {
        SuiteChange change = SuiteChanges.of(new LeadAssigned("c-1", "lead-1", 2, NOW, "manager-1",
                lead(ASSIGNED, "agent-2", null), "agent-1", "agent-2"));

        assertThat(change.areas()).containsExactlyInAnyOrder(LiveArea.LEADS, LiveArea.REPORTS);
        assertThat(change.customer()).isNull();
        assertThat(change.concerns("c-1", "agent-1", true)).isTrue();
        assertThat(change.concerns("c-1", "agent-2", true)).isTrue();
        assertThat(change.concerns("c-1", "agent-3", true)).isFalse();
    }

    @Test
    void shouldRefreshTheCustomersListWhenACustomerChangesButNameNobody() {
        SuiteChange change = SuiteChanges.of(new NoteAdded("c-1", "lead-1", 6, NOW, "agent-1",
                lead(CUSTOMER, "agent-1", "agent-1"), null));

        assertThat(change.areas()).contains(LiveArea.CUSTOMERS);
        assertThat(change.customer()).isNull();
    }

    @Test
    void shouldTellEveryoneOfRenamedStatusesAndNobodyOfUserChanges() {
        assertThat(SuiteChanges.of(new CompanyStatusesChanged("c-1", 3, NOW, "admin-1", List.of())))
                .hasValueSatisfying(change -> assertThat(change.concerns("c-1", "agent-9", true)).isTrue());
        assertThat(SuiteChanges.of(new UserChanged("c-1", "agent-1", 2, NOW, "admin-1", "Ravi", "AGENT", false,
                NOW))).isEmpty();
    }
}
