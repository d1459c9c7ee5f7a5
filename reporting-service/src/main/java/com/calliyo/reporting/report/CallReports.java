package com.calliyo.reporting.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.calliyo.reporting.facts.CallFact;
import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.report.Period.Window;

/**
 * Calls logged in the period, per agent (the user who logged the call) and local day in the company's timezone.
 * Every logged call is an attempt, whatever its status; connected ⇔ duration &gt; 0 (spec K1). The basis does not
 * apply to calls.
 */
final class CallReports {

    static final String TOTAL_LABEL = "All calls";

    private CallReports() {
    }

    private record AgentDay(LocalDate date, String agentId) {
    }

    private static final Comparator<AgentDay> ORDER = Comparator.comparing(AgentDay::date)
            .thenComparing(AgentDay::agentId, Groups.KEY_ORDER);

    static CallReport compute(List<CallFact> calls, CompanyFacts company, ReportRequest request) {
        Window window = request.period().in(company.timezone());
        Groups groups = Groups.of(company.userNames(), List.of());
        Map<AgentDay, long[]> days = new TreeMap<>(ORDER); // {attempts, connected, talkTime}
        long[] total = new long[3];
        for (CallFact call : calls) {
            if (!window.contains(call.occurredAt())) {
                continue;
            }
            AgentDay day = new AgentDay(LocalDate.ofInstant(call.occurredAt(), company.timezone()), call.actorId());
            for (long[] sums : List.of(days.computeIfAbsent(day, d -> new long[3]), total)) {
                sums[0]++;
                sums[1] += call.connected() ? 1 : 0;
                sums[2] += call.durationSeconds();
            }
        }
        Integer target = company.dailyCallTarget() == null || company.dailyCallTarget() <= 0
                ? null : company.dailyCallTarget();
        List<CallReport.Row> rows = days.entrySet().stream()
                .map(e -> new CallReport.Row(e.getKey().agentId(), groups.agentLabel(e.getKey().agentId()),
                        e.getKey().date().toString(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[0] - e.getValue()[1], e.getValue()[2], target,
                        target == null ? null : Numbers.rate(e.getValue()[0], target)))
                .toList();
        return new CallReport(rows, new CallReport.Total(ConversionReports.TOTAL_KEY, TOTAL_LABEL, total[0],
                total[1], total[0] - total[1], total[2]));
    }
}
