package com.calliyo.customer.customers;

import java.util.Optional;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.customer.company.CompanySettings;

/**
 * "Show customer to" (spec 3.8): with ALL every user of the company sees every customer; with AGENT_ONLY an agent
 * sees only the customers credited to them ({@code convertedBy}), while admins and managers still see all.
 * Enforced here for lists and single reads alike.
 */
final class Visibility {

    private Visibility() {
    }

    /** The agent whose credited customers alone the caller may see; empty when the caller may see all of them. */
    static Optional<String> onlyCreditedTo(Caller caller, CompanySettings settings) {
        boolean restricted = settings.showCustomerTo() == CompanySettings.ShowCustomerTo.AGENT_ONLY
                && caller.role() == Role.AGENT;
        return restricted ? Optional.of(caller.userId()) : Optional.empty();
    }

    static boolean canSee(Caller caller, CompanySettings settings, CustomerView customer) {
        return customer.customer()
                && caller.companyId().equals(customer.companyId())
                && onlyCreditedTo(caller, settings).map(agent -> agent.equals(customer.convertedBy())).orElse(true);
    }
}
