package com.calliyo.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.reporting.facts.CallFact;
import com.calliyo.reporting.facts.CallTargets;
import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.facts.LeadFact;
import com.calliyo.reporting.facts.OrderFact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-worked examples of each definition (windows in the company's timezone, bases, percentiles, money). */
class ReportCalculationsTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final StatusRef NEW = new StatusRef("st-new", "New", StatusKind.UNASSIGNED);
    private static final StatusRef WARM = new StatusRef("st-warm", "Warm", StatusKind.OTHER);
    private static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer", StatusKind.CUSTOMER);
    private static final CallTargets FOUR_SINCE_JANUARY = new CallTargets(List.of(
            new CallTargets.Change(Instant.parse("2026-01-01T00:00:00Z"), 1, 4)));
    private static final CompanyFacts COMPANY = new CompanyFacts("c", IST, FOUR_SINCE_JANUARY,
            List.of(NEW, WARM, CUSTOMER),
            Map.of("agent-1", "Asha"));
    private static final Period MARCH_2 = new Period(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"));

    @Test
    void shouldPutInstantsIntoLocalDaysOfTheCompany() {
        // 18:29:59Z on 1 March is 23:59:59 IST on 1 March; 18:30Z is midnight IST of 2 March
        LeadFact lastOfMarch1 = lead("a", "2026-03-01T18:29:59Z", null, null, List.of());
        LeadFact firstOfMarch2 = lead("b", "2026-03-01T18:30:00Z", null, null, List.of());
        LeadFact lastOfMarch2 = lead("c", "2026-03-02T18:29:59.999Z", null, null, List.of());

        ConversionReport report = ConversionReports.compute(List.of(lastOfMarch1, firstOfMarch2, lastOfMarch2),
                COMPANY, new ReportRequest(MARCH_2, Basis.CONVERSION, Optional.empty()));

        assertThat(report.total().leads()).isEqualTo(2);
    }

    @Test
    void shouldCountConversionsByConversionDateOrByCaptureDate() {
        LeadFact capturedBeforeConvertedIn = lead("a", "2026-02-20T10:00:00Z", "2026-03-02T10:00:00Z", "agent-1",
                List.of());
        LeadFact capturedInConvertedLater = lead("b", "2026-03-02T10:00:00Z", "2026-04-01T10:00:00Z", "agent-1",
                List.of());
        LeadFact capturedInOpen = lead("c", "2026-03-02T11:00:00Z", null, null, List.of());
        List<LeadFact> leads = List.of(capturedBeforeConvertedIn, capturedInConvertedLater, capturedInOpen);

        ConversionReport.Row byConversion = ConversionReports.compute(leads, COMPANY,
                new ReportRequest(MARCH_2, Basis.CONVERSION, Optional.empty())).total();
        ConversionReport.Row byCohort = ConversionReports.compute(leads, COMPANY,
                new ReportRequest(MARCH_2, Basis.COHORT, Optional.empty())).total();

        assertThat(byConversion).isEqualTo(new ConversionReport.Row("total", "All leads", 2, 1, 0.5));
        assertThat(byCohort).isEqualTo(new ConversionReport.Row("total", "All leads", 2, 1, 0.5));
        assertThat(ConversionReports.compute(List.of(capturedBeforeConvertedIn), COMPANY,
                new ReportRequest(MARCH_2, Basis.CONVERSION, Optional.empty())).total())
                .isEqualTo(new ConversionReport.Row("total", "All leads", 0, 1, 0.0));
    }

    @Test
    void shouldCountALeadUnderEachTagOnceAndInTheTotalOnce() {
        LeadFact twoTags = lead("a", "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z", "agent-1",
                List.of("Hot", "VIP", "hot "));
        LeadFact oneTag = lead("b", "2026-03-02T10:00:00Z", null, null, List.of("hot"));

        ConversionReport report = ConversionReports.compute(List.of(twoTags, oneTag), COMPANY,
                ReportRequest.allTime(GroupBy.TAG));

        assertThat(report.rows()).containsExactly(
                new ConversionReport.Row("hot", "Hot", 2, 1, 0.5),
                new ConversionReport.Row("vip", "VIP", 1, 1, 1.0));
        assertThat(report.total()).isEqualTo(new ConversionReport.Row("total", "All leads", 2, 1, 0.5));
    }

    @Test
    void shouldLabelAgentsByNameAndKeyThemById() {
        LeadFact converted = lead("a", "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z", "agent-1", List.of());
        LeadFact unknownAgent = lead("b", "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z", "agent-9", List.of());
        LeadFact unassigned = lead("c", "2026-03-02T10:00:00Z", null, null, List.of());

        assertThat(ConversionReports.compute(List.of(converted, unknownAgent, unassigned), COMPANY,
                ReportRequest.allTime(GroupBy.AGENT)).rows()).containsExactly(
                new ConversionReport.Row("agent-1", "Asha", 1, 1, 1.0),
                new ConversionReport.Row("agent-9", "agent-9", 1, 1, 1.0),
                new ConversionReport.Row(null, "Unassigned", 1, 0, 0.0));
    }

    @Test
    void shouldTakeTheMeanTheMiddleAndTheNearestRankP90() {
        // 1, 2, 3, 4, 10 hours: mean 4, median 3, p90 = rank ⌈4.5⌉ = 5th = 10
        List<LeadFact> leads = List.of(
                lead("a", "2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z", "agent-1", List.of()),
                lead("b", "2026-03-02T00:00:00Z", "2026-03-02T02:00:00Z", "agent-1", List.of()),
                lead("c", "2026-03-02T00:00:00Z", "2026-03-02T03:00:00Z", "agent-1", List.of()),
                lead("d", "2026-03-02T00:00:00Z", "2026-03-02T04:00:00Z", "agent-1", List.of()),
                lead("e", "2026-03-02T00:00:00Z", "2026-03-02T10:00:00Z", "agent-1", List.of()),
                lead("f", "2026-03-02T00:00:00Z", null, null, List.of()));

        TimeToConvertReport report = TimeToConvertReports.compute(leads, COMPANY, ReportRequest.allTime(null));

        assertThat(report.total()).isEqualTo(new TimeToConvertReport.Row("total", "All conversions", 5, 4.0, 3.0,
                10.0));
        // even count: the median is the mean of the two middle values; 20 minutes = 0.33 h
        assertThat(TimeToConvertReports.row("k", "k", List.of(1_200_000L, 3_600_000L, 7_200_000L, 9_000_000L)))
                .isEqualTo(new TimeToConvertReport.Row("k", "k", 4, 1.46, 1.5, 2.5));
        assertThat(TimeToConvertReports.compute(List.of(leads.get(5)), COMPANY, ReportRequest.allTime(null)).total())
                .isEqualTo(new TimeToConvertReport.Row("total", "All conversions", 0, null, null, null));
    }

    @Test
    void shouldCountRevenueOfCurrentCustomersOnlyAndLeaveOutFailedAndRefunded() {
        LeadFact customer = lead("a", "2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z", "agent-1", List.of());
        LeadFact unconverted = lead("b", "2026-03-02T00:00:00Z", null, "agent-1", List.of());
        List<OrderFact> orders = List.of(
                order("o1", "a", "Gold", PaymentStatus.PAID, "10000.00", "1800.00"),
                order("o2", "a", "Gold", PaymentStatus.PENDING, "5000.50", "900.09"),
                order("o3", "a", "Basic", PaymentStatus.REFUNDED, "7000.00", "1260.00"),
                order("o4", "a", null, PaymentStatus.FAILED, "1.00", "0.18"),
                order("o5", "b", "Gold", PaymentStatus.PAID, "9999.00", "0.00"));

        RevenueReport report = RevenueReports.compute(List.of(customer, unconverted), orders, COMPANY,
                ReportRequest.allTime(GroupBy.PLAN));

        assertThat(report.rows()).containsExactly(
                new RevenueReport.Row("Gold", "Gold", 2, "15000.50", "10000.00", "2700.09"));
        assertThat(report.total()).isEqualTo(
                new RevenueReport.Row("total", "All orders", 2, "15000.50", "10000.00", "2700.09"));
    }

    @Test
    void shouldListTheFunnelInPipelineOrderWithEmptyStatusesAndRetiredOnesLast() {
        LeadFact retired = new LeadFact("r", "c", 3, Instant.parse("2026-03-02T00:00:00Z"), null, null, List.of(),
                "st-old", "Old", StatusKind.OTHER, null, null, null);
        FunnelReport report = FunnelReports.compute(List.of(retired,
                lead("a", "2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z", "agent-1", List.of())), COMPANY,
                ReportRequest.allTime(null));

        assertThat(report.rows()).containsExactly(
                new FunnelReport.Row("st-new", "New", "UNASSIGNED", 0),
                new FunnelReport.Row("st-warm", "Warm", "OTHER", 0),
                new FunnelReport.Row("st-customer", "Customer", "CUSTOMER", 1),
                new FunnelReport.Row("st-old", "Old", "OTHER", 1));
        assertThat(report.total().leads()).isEqualTo(2);
    }

    @Test
    void shouldCountCompletedCallsPerAgentPerLocalDayAgainstTheTarget() {
        List<CallFact> calls = List.of(
                call("1", "agent-1", "2026-03-01T18:30:00Z", "CALLED", 60),
                call("2", "agent-1", "2026-03-02T09:00:00Z", "NO_ANSWER", 0),
                call("3", "agent-1", "2026-03-02T18:29:00Z", "CALLED", 30),
                call("4", "agent-1", "2026-03-01T18:29:00Z", "CALLED", 10),
                call("5", "agent-2", "2026-03-02T09:00:00Z", "MISSED", 0),
                call("6", "agent-2", "2026-03-02T10:00:00Z", "IN_PROGRESS", 0),
                call("7", "webhook:wh-1", "2026-03-02T11:00:00Z", "CALLED", 45));

        CallReport report = CallReports.compute(calls, COMPANY, new ReportRequest(MARCH_2, Basis.CONVERSION,
                Optional.of(GroupBy.AGENT)));

        assertThat(report.rows()).containsExactly(
                new CallReport.Row("agent-1", "Asha", "2026-03-02", 3, 2, 0, 90, 4, 0.75, 0.6667, 45.0),
                new CallReport.Row("agent-2", "agent-2", "2026-03-02", 1, 0, 1, 0, 4, 0.25, 0.0, null),
                new CallReport.Row(null, "Unassigned", "2026-03-02", 1, 1, 0, 45, 4, 0.25, 1.0, 45.0));
        assertThat(report.total()).isEqualTo(new CallReport.Total("total", "All calls", 5, 3, 1, 135, 0.6, 45.0));
    }

    @Test
    void shouldAverageTalkTimeOverConnectedCallsOnlyHalfUpToTwoDecimals() {
        List<CallFact> calls = List.of(
                call("1", "agent-1", "2026-03-02T05:00:00Z", "CALLED", 10),
                call("2", "agent-1", "2026-03-02T05:10:00Z", "BUSY", 0),
                call("3", "agent-1", "2026-03-02T05:20:00Z", "FOLLOW_UP", 11),
                call("4", "agent-1", "2026-03-02T05:30:00Z", "BUSY", 4));

        CallReport.Total total = CallReports.compute(calls, COMPANY, ReportRequest.allTime(GroupBy.AGENT)).total();

        // a BUSY call with talk time is connected (spec K1): 25 s over 3 connected calls is 8.333… → 8.33
        assertThat(total).isEqualTo(new CallReport.Total("total", "All calls", 4, 3, 0, 25, 0.75, 8.33));
    }

    @Test
    void shouldTakeTheTargetInForceAtTheEndOfEachLocalDay() {
        // midnight IST of 3 March is 18:30Z on 2 March
        CallTargets targets = new CallTargets(List.of(
                new CallTargets.Change(Instant.parse("2026-03-02T18:30:00Z"), 4, 30),
                new CallTargets.Change(Instant.parse("2026-03-02T18:29:59Z"), 3, 20),
                new CallTargets.Change(Instant.parse("2026-03-01T03:00:00Z"), 1, 10),
                new CallTargets.Change(Instant.parse("2026-03-01T03:00:00Z"), 2, 0)));

        assertThat(targets.inForceOn(LocalDate.parse("2026-02-28"), IST)).as("before any target").isNull();
        assertThat(targets.inForceOn(LocalDate.parse("2026-03-01"), IST)).as("0 wins the tie: no target").isNull();
        assertThat(targets.inForceOn(LocalDate.parse("2026-03-02"), IST)).isEqualTo(20);
        assertThat(targets.inForceOn(LocalDate.parse("2026-03-03"), IST)).isEqualTo(30);
        assertThat(CallTargets.NONE.inForceOn(LocalDate.parse("2026-03-03"), IST)).isNull();
    }

    private static LeadFact lead(String id, String capturedAt, String convertedAt, String agent, List<String> tags) {
        boolean customer = convertedAt != null;
        return new LeadFact(id, "c", 1, Instant.parse(capturedAt), "web", null, tags,
                customer ? CUSTOMER.id() : NEW.id(), customer ? "Customer" : "New",
                customer ? StatusKind.CUSTOMER : StatusKind.UNASSIGNED, agent,
                customer ? Instant.parse(convertedAt) : null, customer ? agent : null);
    }

    private static OrderFact order(String id, String leadId, String plan, PaymentStatus status, String taxable,
                                   String tax) {
        return new OrderFact(id, "c", leadId, 1, plan, status, new BigDecimal(taxable), new BigDecimal(tax),
                Instant.parse("2026-03-02T01:00:00Z"));
    }

    private static CallFact call(String id, String actor, String at, String status, int duration) {
        return new CallFact(id, "c", "lead", actor, Instant.parse(at), status, duration);
    }
}
