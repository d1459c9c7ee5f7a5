package com.calliyo.lead.lead.application;

import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadFilter;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.web.Page;
import org.springframework.stereotype.Service;

/** The Leads page: filters from the contract, newest first; agents see only their own leads. */
@Service
public class ListLeads {

    private final Leads leads;
    private final StatusCatalog statuses;

    ListLeads(Leads leads, StatusCatalog statuses) {
        this.leads = leads;
        this.statuses = statuses;
    }

    public Page<Lead> list(Caller caller, LeadListQuery query, int page, int size) {
        String statusId = null;
        if (query.status() != null) {
            LeadStatusRef status = statuses.find(caller.companyId(), query.status())
                    .orElseThrow(() -> new InvalidFieldException("status", "is not a status of this company"));
            statusId = status.id();
        }
        String assignedTo = caller.seesAllLeads() ? query.assignedTo() : caller.userId();
        if (!caller.seesAllLeads() && query.assignedTo() != null && !query.assignedTo().equals(caller.userId())) {
            return new Page<>(List.of(), page, size, 0);
        }
        LeadFilter filter = new LeadFilter(statusId, false, query.tag(), assignedTo, query.q(), query.source(),
                query.campaign());
        return new Page<>(leads.page(caller.companyId(), filter, page, size), page, size,
                leads.count(caller.companyId(), filter));
    }

    /** The list's query parameters, blank ones already dropped. */
    public record LeadListQuery(String status, String tag, String assignedTo, String q, String source,
                                String campaign) {
    }
}
