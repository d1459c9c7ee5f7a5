package com.calliyo.lead.activity;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.company.Companies;
import com.calliyo.lead.company.Company;
import com.calliyo.lead.lead.application.LeadAccess;
import com.calliyo.lead.lead.domain.Lead;
import org.springframework.stereotype.Component;

/**
 * Who may see a lead once it is a customer (Configurations → "Show customer to", spec §3.8): under ALL every agent of
 * the company, under AGENT_ONLY only its assignee. Admins, managers and API keys see every lead anyway, and a lead
 * that is not a customer keeps {@link LeadAccess}'s rule. The caller's company is already matched by the lookup.
 */
@Component
class CustomerVisibility {

    static final String SHOWN_TO_ALL = "ALL";

    private final Companies companies;

    CustomerVisibility(Companies companies) {
        this.companies = companies;
    }

    boolean canSee(Caller caller, Lead lead) {
        if (LeadAccess.canSee(caller, lead)) {
            return true;
        }
        return caller.is(Role.AGENT) && lead.status().isCustomer() && showsCustomersToAll(caller.companyId());
    }

    private boolean showsCustomersToAll(String companyId) {
        return companies.find(companyId).map(Company::configuration)
                .map(configuration -> SHOWN_TO_ALL.equals(configuration.showCustomerTo())).orElse(false);
    }
}
