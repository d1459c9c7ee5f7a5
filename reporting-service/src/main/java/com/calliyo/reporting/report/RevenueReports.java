package com.calliyo.reporting.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.facts.LeadFact;
import com.calliyo.reporting.facts.OrderFact;
import com.calliyo.reporting.report.Period.Window;

/**
 * Revenue of the orders of leads that are customers now and were converted in the period (conversion basis) or
 * captured in it (cohort basis). Orders FAILED or REFUNDED count nowhere; an un-converted lead's orders drop out
 * with it. Credited to the converting agent ({@code groupBy=agent}) or grouped by the order's plan.
 */
final class RevenueReports {

    static final String TOTAL_LABEL = "All orders";

    private RevenueReports() {
    }

    static RevenueReport compute(Collection<LeadFact> leads, Collection<OrderFact> orders, CompanyFacts company,
                                 ReportRequest request) {
        Window window = request.period().in(company.timezone());
        Map<String, LeadFact> customers = new HashMap<>();
        for (LeadFact lead : leads) {
            if (ConversionReports.converted(lead, request.basis(), window)) {
                customers.put(lead.leadId(), lead);
            }
        }
        Groups groups = Groups.of(company.userNames(), List.of());
        Map<String, Sums> byKey = new HashMap<>();
        Sums total = new Sums();
        for (OrderFact order : orders) {
            LeadFact lead = customers.get(order.leadId());
            if (lead == null || !order.countsAsRevenue()) {
                continue;
            }
            total.add(order);
            request.groupBy().ifPresent(group -> byKey
                    .computeIfAbsent(group == GroupBy.PLAN ? order.plan() : lead.agent(), k -> new Sums())
                    .add(order));
        }
        List<RevenueReport.Row> rows = byKey.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Sums> e) -> e.getValue().revenue).reversed()
                        .thenComparing(Map.Entry::getKey, Groups.KEY_ORDER))
                .map(e -> e.getValue().row(e.getKey(), groups.label(request.groupBy().get(), e.getKey())))
                .toList();
        return new RevenueReport(rows, total.row(ConversionReports.TOTAL_KEY, TOTAL_LABEL));
    }

    private static final class Sums {
        long orders;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;

        void add(OrderFact order) {
            orders++;
            revenue = revenue.add(order.taxableValue());
            tax = tax.add(order.tax());
            if (order.isPaid()) {
                collected = collected.add(order.taxableValue());
            }
        }

        RevenueReport.Row row(String key, String label) {
            return new RevenueReport.Row(key, label, orders, Numbers.money(revenue), Numbers.money(collected),
                    Numbers.money(tax));
        }
    }
}
