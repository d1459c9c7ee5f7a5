package com.calliyo.reporting.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.calliyo.reporting.facts.CallFact;
import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.report.Period.Window;

/**
 * Calls logged in the period, per agent (the user who logged the call) and local day in the company's timezone.
 * Only completed calls count: an IN_PROGRESS call is no attempt until its completion arrives. Connected ⇔ duration
 * &gt; 0 whatever the status (spec K1); missed ⇔ status MISSED. Each day is measured against the daily call target in
 * force at the end of that local day. The basis does not apply to calls.
 */
final class CallReports {

    static final String TOTAL_LABEL = "All calls";

    private CallReports() {
    }

    private record AgentDay(LocalDate date, String agentId) {

        // written out: a report hashes one per call, and the record's generated methods cost more under C1
        @Override
        public boolean equals(Object other) {
            return other instanceof AgentDay day && date.equals(day.date) && Objects.equals(agentId, day.agentId);
        }

        @Override
        public int hashCode() {
            return 31 * date.hashCode() + Objects.hashCode(agentId);
        }
    }

    private static final Comparator<AgentDay> ORDER = Comparator.comparing(AgentDay::date)
            .thenComparing(AgentDay::agentId, Groups.KEY_ORDER);

    static CallReport compute(Collection<CallFact> calls, CompanyFacts company, ReportRequest request) {
        Window window = request.period().in(company.timezone());
        Groups groups = Groups.of(company.userNames(), List.of());
        Map<AgentDay, Sums> days = new HashMap<>(); // ordered once at the end, not at every call
        Sums total = new Sums();
        for (CallFact call : calls) {
            if (!call.attempt() || !window.contains(call.occurredAt())) {
                continue;
            }
            AgentDay day = new AgentDay(LocalDate.ofInstant(call.occurredAt(), company.timezone()), call.agent());
            days.computeIfAbsent(day, d -> new Sums()).add(call);
            total.add(call);
        }
        List<CallReport.Row> rows = days.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ORDER))
                .map(e -> e.getValue().row(e.getKey().agentId(), groups.agentLabel(e.getKey().agentId()),
                        e.getKey().date(), company.callTargets().inForceOn(e.getKey().date(), company.timezone())))
                .toList();
        return new CallReport(rows, total.total(ConversionReports.TOTAL_KEY, TOTAL_LABEL));
    }

    private static final class Sums {
        long attempts;
        long connected;
        long missed;
        long talkTime;

        void add(CallFact call) {
            attempts++;
            connected += call.connected() ? 1 : 0;
            missed += call.missed() ? 1 : 0;
            talkTime += call.durationSeconds();
        }

        CallReport.Row row(String key, String label, LocalDate date, Integer target) {
            return new CallReport.Row(key, label, date.toString(), attempts, connected, missed, talkTime, target,
                    target == null ? null : Numbers.rate(attempts, target), Numbers.rate(connected, attempts),
                    Numbers.average(talkTime, connected));
        }

        CallReport.Total total(String key, String label) {
            return new CallReport.Total(key, label, attempts, connected, missed, talkTime,
                    Numbers.rate(connected, attempts), Numbers.average(talkTime, connected));
        }
    }
}
