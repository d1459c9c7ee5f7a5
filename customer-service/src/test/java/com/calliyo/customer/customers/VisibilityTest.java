package com.calliyo.customer.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.customer.company.CompanySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityTest {

    private static final String COMPANY = "company-a";
    private static final CompanySettings ALL = CompanySettings.defaults(COMPANY);
    private static final CompanySettings AGENT_ONLY = new CompanySettings(COMPANY, CompanySettings.DEFAULT_TIMEZONE,
            CompanySettings.ShowCustomerTo.AGENT_ONLY, Map.of(), Map.of());

    @Test
    void shouldLetEveryRoleSeeEveryCustomerUnderAll() {
        for (Role role : Role.values()) {
            Caller caller = new Caller(COMPANY, "user-1", role);
            assertThat(Visibility.onlyCreditedTo(caller, ALL)).as("%s under ALL", role).isEmpty();
            assertThat(Visibility.canSee(caller, ALL, customer("agent-7"))).as("%s under ALL", role).isTrue();
        }
    }

    @Test
    void shouldRestrictAnAgentToTheirOwnCustomersUnderAgentOnly() {
        Caller agent = new Caller(COMPANY, "agent-7", Role.AGENT);

        assertThat(Visibility.onlyCreditedTo(agent, AGENT_ONLY)).contains("agent-7");
        assertThat(Visibility.canSee(agent, AGENT_ONLY, customer("agent-7"))).isTrue();
        assertThat(Visibility.canSee(agent, AGENT_ONLY, customer("agent-8"))).isFalse();
        assertThat(Visibility.canSee(agent, AGENT_ONLY, customer(null))).as("nobody credited").isFalse();
    }

    @Test
    void shouldLetAdminsAndManagersSeeAllUnderAgentOnly() {
        for (Role role : List.of(Role.ADMIN, Role.MANAGER)) {
            Caller caller = new Caller(COMPANY, "user-1", role);
            assertThat(Visibility.onlyCreditedTo(caller, AGENT_ONLY)).isEqualTo(Optional.empty());
            assertThat(Visibility.canSee(caller, AGENT_ONLY, customer("agent-8"))).isTrue();
        }
    }

    @Test
    void shouldNeverShowAnotherCompanysCustomerOrAnUnconvertedLead() {
        Caller admin = new Caller("company-b", "admin-1", Role.ADMIN);
        assertThat(Visibility.canSee(admin, CompanySettings.defaults("company-b"), customer("agent-7"))).isFalse();

        Caller sameCompany = new Caller(COMPANY, "admin-1", Role.ADMIN);
        assertThat(Visibility.canSee(sameCompany, ALL, tombstone())).isFalse();
    }

    private static CustomerView customer(String convertedBy) {
        return view(true, convertedBy);
    }

    private static CustomerView tombstone() {
        return view(false, null);
    }

    private static CustomerView view(boolean customer, String convertedBy) {
        return new CustomerView("lead-1", COMPANY, 3, 0, customer, "Asha", "Rao", null, null, List.of(), null,
                convertedBy, null, null, Instant.parse("2026-03-01T09:00:00Z"),
                customer ? Instant.parse("2026-03-05T12:00:00Z") : null, convertedBy, Map.of(), Map.of());
    }
}
