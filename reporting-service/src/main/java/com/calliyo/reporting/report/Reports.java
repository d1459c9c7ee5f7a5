package com.calliyo.reporting.report;

import java.util.List;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.reporting.facts.CallFact;
import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.facts.FactReader;
import com.calliyo.reporting.facts.LeadFact;
import org.springframework.stereotype.Service;

/**
 * Every report, for one caller: only the caller's company's facts are read, and an agent's reports are computed
 * from their own leads (those they are credited with as customers or assigned to otherwise) and their own calls,
 * so an agent sees only rows of their own; admins and managers see the whole company.
 */
@Service
public class Reports {

    private final FactReader facts;

    public Reports(FactReader facts) {
        this.facts = facts;
    }

    public ConversionReport conversions(Caller caller, ReportRequest request) {
        return ConversionReports.compute(leads(caller), facts.company(caller.companyId()), request);
    }

    public TimeToConvertReport timeToConvert(Caller caller, ReportRequest request) {
        return TimeToConvertReports.compute(leads(caller), facts.company(caller.companyId()), request);
    }

    public RevenueReport revenue(Caller caller, ReportRequest request) {
        return RevenueReports.compute(leads(caller), facts.orders(caller.companyId()),
                facts.company(caller.companyId()), request);
    }

    public FunnelReport funnel(Caller caller, ReportRequest request) {
        return FunnelReports.compute(leads(caller), facts.company(caller.companyId()), request);
    }

    public CallReport calls(Caller caller, ReportRequest request) {
        List<CallFact> calls = facts.calls(caller.companyId());
        if (caller.role() == Role.AGENT) {
            calls = calls.stream().filter(call -> caller.userId().equals(call.actorId())).toList();
        }
        CompanyFacts company = facts.company(caller.companyId());
        return CallReports.compute(calls, company, request);
    }

    private List<LeadFact> leads(Caller caller) {
        List<LeadFact> leads = facts.leads(caller.companyId());
        if (caller.role() == Role.AGENT) {
            return leads.stream().filter(lead -> caller.userId().equals(lead.agent())).toList();
        }
        return leads;
    }
}
