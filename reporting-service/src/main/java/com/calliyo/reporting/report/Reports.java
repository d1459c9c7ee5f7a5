package com.calliyo.reporting.report;

import java.util.Collection;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.reporting.facts.CallFact;
import com.calliyo.reporting.facts.FactSnapshot;
import com.calliyo.reporting.facts.FactSnapshots;
import com.calliyo.reporting.facts.LeadFact;
import org.springframework.stereotype.Service;

/**
 * Every report, for one caller: only the caller's company's facts are read, and an agent's reports are computed
 * from their own leads (those they are credited with as customers or assigned to otherwise) and their own calls,
 * so an agent sees only rows of their own; admins and managers see the whole company.
 */
@Service
public class Reports {

    private final FactSnapshots facts;

    public Reports(FactSnapshots facts) {
        this.facts = facts;
    }

    public ConversionReport conversions(Caller caller, ReportRequest request) {
        FactSnapshot snapshot = facts.current(caller.companyId());
        return ConversionReports.compute(leads(snapshot, caller), snapshot.company(), request);
    }

    public TimeToConvertReport timeToConvert(Caller caller, ReportRequest request) {
        FactSnapshot snapshot = facts.current(caller.companyId());
        return TimeToConvertReports.compute(leads(snapshot, caller), snapshot.company(), request);
    }

    public RevenueReport revenue(Caller caller, ReportRequest request) {
        FactSnapshot snapshot = facts.current(caller.companyId());
        return RevenueReports.compute(leads(snapshot, caller), snapshot.orders(), snapshot.company(), request);
    }

    public FunnelReport funnel(Caller caller, ReportRequest request) {
        FactSnapshot snapshot = facts.current(caller.companyId());
        return FunnelReports.compute(leads(snapshot, caller), snapshot.company(), request);
    }

    public CallReport calls(Caller caller, ReportRequest request) {
        FactSnapshot snapshot = facts.current(caller.companyId());
        Collection<CallFact> calls = snapshot.calls();
        if (caller.role() == Role.AGENT) {
            calls = calls.stream().filter(call -> caller.userId().equals(call.actorId())).toList();
        }
        return CallReports.compute(calls, snapshot.company(), request);
    }

    private static Collection<LeadFact> leads(FactSnapshot snapshot, Caller caller) {
        if (caller.role() == Role.AGENT) {
            return snapshot.leads().stream().filter(lead -> caller.userId().equals(lead.agent())).toList();
        }
        return snapshot.leads();
    }
}
