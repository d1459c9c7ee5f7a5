package com.calliyo.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.calliyo.lead.events.StatusRef;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.reporting.report.ReportWorld.Call;
import com.calliyo.reporting.report.ReportWorld.Lead;
import com.calliyo.reporting.report.ReportWorld.Order;

/**
 * The reports recomputed the plain way from the world's true final state (not from stored facts): one loop per
 * figure, dates compared as local dates in the company's zone, no code shared with the service beyond the answer
 * records. {@code agent} null means a manager's view; otherwise only that agent's leads and calls.
 */
final class ReportsOracle {

    private static final Comparator<String> KEYS = Comparator.nullsLast(Comparator.naturalOrder());

    private final ReportWorld world;
    private final String agent;

    ReportsOracle(ReportWorld world, String agent) {
        this.world = world;
        this.agent = agent;
    }

    ConversionReport conversions(Period period, Basis basis, GroupBy group) {
        List<Lead> leads = scopedLeads();
        long totalLeads = 0;
        long totalConversions = 0;
        for (Lead lead : leads) {
            totalLeads += inPeriod(lead.capturedAt, period) ? 1 : 0;
            totalConversions += convertedIn(lead, period, basis) ? 1 : 0;
        }
        List<ConversionReport.Row> rows = new ArrayList<>();
        if (group != null) {
            for (String key : allKeys(leads, group)) {
                long keyLeads = 0;
                long keyConversions = 0;
                for (Lead lead : leads) {
                    if (keysOf(lead, group).contains(key)) {
                        keyLeads += inPeriod(lead.capturedAt, period) ? 1 : 0;
                        keyConversions += convertedIn(lead, period, basis) ? 1 : 0;
                    }
                }
                if (keyLeads + keyConversions > 0) {
                    rows.add(new ConversionReport.Row(key, label(group, key, leads), keyLeads, keyConversions,
                            rate(keyConversions, keyLeads)));
                }
            }
            rows.sort(Comparator.comparing((ConversionReport.Row r) -> -r.leads())
                    .thenComparing(r -> -r.conversions())
                    .thenComparing(ConversionReport.Row::key, KEYS));
        }
        return new ConversionReport(rows, new ConversionReport.Row("total", "All leads", totalLeads, totalConversions,
                rate(totalConversions, totalLeads)));
    }

    TimeToConvertReport timeToConvert(Period period, Basis basis, GroupBy group) {
        List<Lead> leads = scopedLeads();
        List<Long> all = new ArrayList<>();
        for (Lead lead : leads) {
            if (convertedIn(lead, period, basis)) {
                all.add(lead.convertedAt.toEpochMilli() - lead.capturedAt.toEpochMilli());
            }
        }
        List<TimeToConvertReport.Row> rows = new ArrayList<>();
        if (group != null) {
            for (String key : allKeys(leads, group)) {
                List<Long> durations = new ArrayList<>();
                for (Lead lead : leads) {
                    if (keysOf(lead, group).contains(key) && convertedIn(lead, period, basis)) {
                        durations.add(lead.convertedAt.toEpochMilli() - lead.capturedAt.toEpochMilli());
                    }
                }
                if (!durations.isEmpty()) {
                    rows.add(stats(key, label(group, key, leads), durations));
                }
            }
            rows.sort(Comparator.comparing((TimeToConvertReport.Row r) -> -r.conversions())
                    .thenComparing(TimeToConvertReport.Row::key, KEYS));
        }
        return new TimeToConvertReport(rows, stats("total", "All conversions", all));
    }

    RevenueReport revenue(Period period, Basis basis, GroupBy group) {
        Map<String, Lead> customers = new HashMap<>();
        for (Lead lead : scopedLeads()) {
            if (convertedIn(lead, period, basis)) {
                customers.put(lead.id, lead);
            }
        }
        List<Order> counted = new ArrayList<>();
        for (Order order : world.orders()) {
            if (customers.containsKey(order.leadId) && order.status != PaymentStatus.FAILED
                    && order.status != PaymentStatus.REFUNDED) {
                counted.add(order);
            }
        }
        List<RevenueReport.Row> rows = new ArrayList<>();
        if (group != null) {
            Set<String> keys = new LinkedHashSet<>();
            for (Order order : counted) {
                keys.add(group == GroupBy.PLAN ? order.plan : agentOf(customers.get(order.leadId)));
            }
            for (String key : keys) {
                List<Order> ofKey = new ArrayList<>();
                for (Order order : counted) {
                    String orderKey = group == GroupBy.PLAN ? order.plan : agentOf(customers.get(order.leadId));
                    if (Objects.equals(orderKey, key)) {
                        ofKey.add(order);
                    }
                }
                String label = key != null ? (group == GroupBy.PLAN ? key : ReportWorld.NAMES.getOrDefault(key, key))
                        : (group == GroupBy.PLAN ? "No plan" : "Unassigned");
                rows.add(money(key, label, ofKey));
            }
            rows.sort(Comparator.comparing((RevenueReport.Row r) -> new BigDecimal(r.revenue())).reversed()
                    .thenComparing(RevenueReport.Row::key, KEYS));
        }
        return new RevenueReport(rows, money("total", "All orders", counted));
    }

    FunnelReport funnel(Period period) {
        List<Lead> leads = new ArrayList<>();
        for (Lead lead : scopedLeads()) {
            if (inPeriod(lead.capturedAt, period)) {
                leads.add(lead);
            }
        }
        List<FunnelReport.Row> rows = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (StatusRef status : ReportWorld.FINAL_PIPELINE) {
            listed.add(status.id());
            rows.add(new FunnelReport.Row(status.id(), status.name(), status.kind().name(),
                    leads.stream().filter(l -> l.status.id().equals(status.id())).count()));
        }
        Map<String, StatusRef> others = new TreeMap<>();
        for (Lead lead : leads) {
            if (!listed.contains(lead.status.id())) {
                others.put(lead.status.id(), lead.status);
            }
        }
        others.forEach((id, status) -> rows.add(new FunnelReport.Row(id, status.name(), status.kind().name(),
                leads.stream().filter(l -> l.status.id().equals(id)).count())));
        return new FunnelReport(rows, new FunnelReport.Total("total", "All leads", leads.size()));
    }

    CallReport calls(Period period) {
        Map<LocalDate, Map<String, List<Call>>> byDayAndAgent = new TreeMap<>();
        List<Call> all = new ArrayList<>();
        for (Call call : world.calls()) {
            if ((agent == null || agent.equals(call.actorId())) && inPeriod(call.at(), period)
                    && !call.inProgress()) {
                LocalDate day = call.at().atZone(ReportWorld.ZONE).toLocalDate();
                byDayAndAgent.computeIfAbsent(day, d -> new TreeMap<>(KEYS))
                        .computeIfAbsent(person(call.actorId()), k -> new ArrayList<>()).add(call);
                all.add(call);
            }
        }
        List<CallReport.Row> rows = new ArrayList<>();
        byDayAndAgent.forEach((day, byAgent) -> byAgent.forEach((key, calls) -> {
            long attempts = calls.size();
            long connected = calls.stream().filter(c -> c.durationSeconds() > 0).count();
            long talk = calls.stream().mapToLong(Call::durationSeconds).sum();
            Integer target = targetAtEndOf(day);
            rows.add(new CallReport.Row(key, key == null ? "Unassigned" : ReportWorld.NAMES.getOrDefault(key, key),
                    day.toString(), attempts, connected, calls.stream().filter(c -> c.status().equals("MISSED"))
                    .count(), talk, target, target == null ? null : rate(attempts, target),
                    rate(connected, attempts), average(talk, connected)));
        }));
        long connected = all.stream().filter(c -> c.durationSeconds() > 0).count();
        long talk = all.stream().mapToLong(Call::durationSeconds).sum();
        return new CallReport(rows, new CallReport.Total("total", "All calls", all.size(), connected,
                all.stream().filter(c -> c.status().equals("MISSED")).count(), talk, rate(connected, all.size()),
                average(talk, connected)));
    }

    /** The last target set before the next local midnight (a tie in time goes to the higher version). */
    private Integer targetAtEndOf(LocalDate day) {
        Instant nextMidnight = day.plusDays(1).atStartOfDay(ReportWorld.ZONE).toInstant();
        ReportWorld.TargetChange last = null;
        for (ReportWorld.TargetChange change : world.targets) {
            if (change.effectiveAt().isBefore(nextMidnight) && (last == null
                    || change.effectiveAt().isAfter(last.effectiveAt())
                    || change.effectiveAt().equals(last.effectiveAt())
                    && change.settingsVersion() > last.settingsVersion())) {
                last = change;
            }
        }
        return last == null || last.target() == null || last.target() < 1 ? null : last.target();
    }

    /** The credited person: pseudo-users (webhook:, apikey:) and blanks are no one. */
    private static String person(String userId) {
        if (userId == null || userId.isBlank() || userId.startsWith("webhook:") || userId.startsWith("apikey:")) {
            return null;
        }
        return userId;
    }

    private List<Lead> scopedLeads() {
        return world.leads().stream().filter(l -> agent == null || agent.equals(agentOf(l))).toList();
    }

    /** While a customer, whom the conversion was credited to (maybe no one); otherwise the assignee. */
    private static String agentOf(Lead lead) {
        return person(lead.customer() ? lead.convertedBy : lead.assignedTo);
    }

    private static boolean convertedIn(Lead lead, Period period, Basis basis) {
        return lead.customer() && inPeriod(basis == Basis.CONVERSION ? lead.convertedAt : lead.capturedAt, period);
    }

    private static boolean inPeriod(Instant instant, Period period) {
        LocalDate day = instant.atZone(ReportWorld.ZONE).toLocalDate();
        return (period.from() == null || !day.isBefore(period.from()))
                && (period.to() == null || !day.isAfter(period.to()));
    }

    private static List<String> keysOf(Lead lead, GroupBy group) {
        List<String> keys = new ArrayList<>();
        switch (group) {
            case AGENT -> keys.add(agentOf(lead));
            case SOURCE -> keys.add(lead.source);
            case CAMPAIGN -> keys.add(lead.campaign);
            case TAG -> lead.tags.forEach(tag -> {
                if (!keys.contains(tag.strip().toLowerCase(Locale.ROOT))) {
                    keys.add(tag.strip().toLowerCase(Locale.ROOT));
                }
            });
            default -> throw new IllegalArgumentException(group.name());
        }
        return keys;
    }

    private static Set<String> allKeys(List<Lead> leads, GroupBy group) {
        Set<String> keys = new LinkedHashSet<>();
        leads.forEach(lead -> keys.addAll(keysOf(lead, group)));
        return keys;
    }

    private static String label(GroupBy group, String key, List<Lead> leads) {
        return switch (group) {
            case AGENT -> key == null ? "Unassigned" : ReportWorld.NAMES.getOrDefault(key, key);
            case SOURCE -> key == null ? "No source" : key;
            case CAMPAIGN -> key == null ? "No campaign" : key;
            case TAG -> leads.stream().flatMap(l -> l.tags.stream()).map(String::strip)
                    .filter(t -> t.toLowerCase(Locale.ROOT).equals(key)).sorted().findFirst().orElseThrow();
            default -> throw new IllegalArgumentException(group.name());
        };
    }

    /** Half-up to 4 decimals in integers: ⌊(2·10⁴·part + whole) / (2·whole)⌋ / 10⁴. */
    private static double rate(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return ((2 * 10_000 * part + whole) / (2 * whole)) / 10_000.0;
    }

    /** Half-up to 2 decimals in integers; null without anything to average over. */
    private static Double average(long sum, long count) {
        if (count == 0) {
            return null;
        }
        return ((200 * sum + count) / (2 * count)) / 100.0;
    }

    private static TimeToConvertReport.Row stats(String key, String label, List<Long> durations) {
        if (durations.isEmpty()) {
            return new TimeToConvertReport.Row(key, label, 0, null, null, null);
        }
        List<Long> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int n = sorted.size();
        long sum = 0;
        for (long d : sorted) {
            sum += d;
        }
        BigDecimal hour = BigDecimal.valueOf(3_600_000L);
        BigDecimal avg = BigDecimal.valueOf(sum).divide(hour.multiply(BigDecimal.valueOf(n)), 2, RoundingMode.HALF_UP);
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2)).divide(hour, 2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
                .divide(hour.multiply(BigDecimal.valueOf(2)), 2, RoundingMode.HALF_UP);
        int rank = (int) Math.ceil(n * 9 / 10.0);
        BigDecimal p90 = BigDecimal.valueOf(sorted.get(rank - 1)).divide(hour, 2, RoundingMode.HALF_UP);
        return new TimeToConvertReport.Row(key, label, n, avg.doubleValue(), median.doubleValue(), p90.doubleValue());
    }

    private static RevenueReport.Row money(String key, String label, List<Order> orders) {
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        BigDecimal collected = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (Order order : orders) {
            revenue = revenue.add(order.taxable);
            tax = tax.add(order.cgst).add(order.sgst).add(order.igst);
            if (order.status == PaymentStatus.PAID) {
                collected = collected.add(order.taxable);
            }
        }
        return new RevenueReport.Row(key, label, orders.size(), revenue.toPlainString(), collected.toPlainString(),
                tax.toPlainString());
    }
}
