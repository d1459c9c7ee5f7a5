package com.calliyo.lead.activity;

import java.time.Instant;
import java.util.Set;

import com.calliyo.lead.assignment.OpenFollowUps;
import com.calliyo.lead.lead.domain.Leads;
import org.springframework.stereotype.Component;

/**
 * The leads a daily job must leave alone because somebody promised to call back later (spec A6, §3.7): an open
 * follow-up scheduled after now. The follow-ups live in the lead documents, so {@link Leads} answers.
 */
@Component
class LeadsOpenFollowUps implements OpenFollowUps {

    private final Leads leads;

    LeadsOpenFollowUps(Leads leads) {
        this.leads = leads;
    }

    @Override
    public Set<String> leadsWithOpenFutureFollowUp(String companyId, Instant now) {
        return leads.withOpenFollowUpAfter(companyId, now);
    }
}
