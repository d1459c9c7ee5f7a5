package com.calliyo.reporting.report;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.reporting.facts.CompanyFactProjection;
import com.calliyo.reporting.facts.LeadFactProjection;
import com.calliyo.reporting.facts.OrderFactProjection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The definitions of issue 13 from events to report, through the real projections on the embedded MongoDB-wire
 * store (no broker): missed = status MISSED; IN_PROGRESS calls wait for their completion (a later call.logged of the
 * same call id, applied by leadVersion); each day's coverage uses the daily call target in force at the end of that
 * local day; conversions credited to no one (or to a pseudo-user) are one row of their own.
 */
class ReportDefinitionsIT {

    private static final String AGENT = "agent-1";
    private static final StatusRef NEW = new StatusRef("st-new", "New", StatusKind.UNASSIGNED);
    private static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer", StatusKind.CUSTOMER);

    private static MongoServer server;
    private static MongoClient client;
    private static LeadFactProjection leads;
    private static OrderFactProjection orders;
    private static CompanyFactProjection companies;
    private static Reports reports;

    private String company;
    private Caller manager;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "reporting");
        leads = new LeadFactProjection(mongo);
        orders = new OrderFactProjection(mongo);
        companies = new CompanyFactProjection(mongo);
        reports = TestReports.over(mongo);
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void aCompanyInIndia() {
        company = "company-" + UUID.randomUUID();
        manager = new Caller(company, "manager-1", Role.MANAGER);
        companies.apply(settings(1, "2026-01-01T00:00:00Z", 4));
    }

    @Test
    void shouldCountAsMissedOnlyTheCallsLoggedMissed() {
        String lead = "lead-" + UUID.randomUUID();
        leads.apply(call(lead, 2, "c1", "2026-03-02T05:00:00Z", "BUSY", 0));
        leads.apply(call(lead, 3, "c2", "2026-03-02T05:10:00Z", "NO_ANSWER", 0));
        leads.apply(call(lead, 4, "c3", "2026-03-02T05:20:00Z", "MISSED", 0));
        leads.apply(call(lead, 5, "c4", "2026-03-02T05:30:00Z", "CALLED", 60));
        leads.apply(call(lead, 6, "c5", "2026-03-02T05:40:00Z", "FOLLOW_UP", 0));

        CallReport report = reports.calls(manager, ReportRequest.allTime(GroupBy.AGENT));

        assertThat(report.rows()).extracting(CallReport.Row::attempts, CallReport.Row::connected,
                CallReport.Row::missed, CallReport.Row::talkTimeSeconds).containsExactly(tuple(5L, 1L, 1L, 60L));
        assertThat(report.total().missed()).isEqualTo(1);
        assertThat(report.total().connectRate()).isEqualTo(0.2);
        assertThat(report.total().avgTalkSeconds()).isEqualTo(60.0);
    }

    @Test
    void shouldCountAnInProgressCallOnceWhenItCompletesAndNotBefore() {
        String lead = "lead-" + UUID.randomUUID();
        CallLogged started = call(lead, 2, "live", "2026-03-02T05:00:00Z", "IN_PROGRESS", 0);
        CallLogged completed = call(lead, 3, "live", "2026-03-02T05:00:00Z", "CALLED", 240);
        leads.apply(started);
        leads.apply(call(lead, 4, "still-live", "2026-03-03T05:00:00Z", "IN_PROGRESS", 0));

        CallReport whileLive = reports.calls(manager, ReportRequest.allTime(GroupBy.AGENT));
        assertThat(whileLive.rows()).as("a call still in progress is no attempt yet").isEmpty();
        assertThat(whileLive.total().attempts()).isZero();

        leads.apply(completed);
        leads.apply(started); // a late redelivery of the older version changes nothing
        leads.apply(completed); // nor does a duplicate of the completion

        CallReport done = reports.calls(manager, ReportRequest.allTime(GroupBy.AGENT));
        assertThat(done.rows()).extracting(CallReport.Row::date, CallReport.Row::attempts,
                CallReport.Row::connected, CallReport.Row::missed, CallReport.Row::talkTimeSeconds)
                .containsExactly(tuple("2026-03-02", 1L, 1L, 0L, 240L));
        assertThat(done.total()).isEqualTo(new CallReport.Total("total", "All calls", 1, 1, 0, 240, 1.0, 240.0));
    }

    @Test
    void shouldApplyCompletionsThatArriveBeforeTheStartOfTheirCall() {
        String lead = "lead-" + UUID.randomUUID();
        leads.apply(call(lead, 3, "live", "2026-03-02T05:00:00Z", "NO_ANSWER", 0));
        leads.apply(call(lead, 2, "live", "2026-03-02T05:00:00Z", "IN_PROGRESS", 0));

        CallReport report = reports.calls(manager, ReportRequest.allTime(GroupBy.AGENT));

        assertThat(report.rows()).extracting(CallReport.Row::attempts, CallReport.Row::connected)
                .containsExactly(tuple(1L, 0L));
    }

    @Test
    void shouldMeasureEachDayAgainstTheTargetInForceAtTheEndOfThatLocalDay() {
        // v1 (4) from 1 Jan; v2 (10) at 17:30 IST on 2 March; v3 (20) at 00:30 IST on 4 March; delivered newest first
        companies.apply(settings(3, "2026-03-03T19:00:00Z", 20));
        companies.apply(settings(2, "2026-03-02T12:00:00Z", 10));
        companies.apply(settings(1, "2026-01-01T00:00:00Z", 4));
        String lead = "lead-" + UUID.randomUUID();
        leads.apply(call(lead, 2, "before", "2025-12-31T05:00:00Z", "CALLED", 10));
        leads.apply(call(lead, 3, "d1", "2026-03-01T05:00:00Z", "CALLED", 10));
        leads.apply(call(lead, 4, "d2", "2026-03-02T05:00:00Z", "CALLED", 10));
        leads.apply(call(lead, 5, "d3", "2026-03-03T05:00:00Z", "CALLED", 10));
        leads.apply(call(lead, 6, "d4", "2026-03-04T05:00:00Z", "CALLED", 10));

        CallReport report = reports.calls(manager, ReportRequest.allTime(GroupBy.AGENT));

        assertThat(report.rows()).extracting(CallReport.Row::date, CallReport.Row::dailyCallTarget,
                CallReport.Row::targetCoverage).containsExactly(
                tuple("2025-12-31", null, null),
                tuple("2026-03-01", 4, 0.25),
                tuple("2026-03-02", 10, 0.1),
                tuple("2026-03-03", 10, 0.1),
                tuple("2026-03-04", 20, 0.05));
    }

    @Test
    void shouldCreditConversionsOfNoOneAndOfPseudoUsersToTheUnassignedRow() {
        String byAgent = customer(AGENT, AGENT);
        String byWebhook = customer(null, "webhook:wh-1");
        String byApiKey = customer(AGENT, "apikey:key-1");
        String byNoOne = customer(AGENT, null);
        for (String lead : List.of(byAgent, byWebhook, byApiKey, byNoOne)) {
            orders.apply(order(lead, "1000.00"));
        }

        ConversionReport conversions = reports.conversions(manager, ReportRequest.allTime(GroupBy.AGENT));
        RevenueReport revenue = reports.revenue(manager, ReportRequest.allTime(GroupBy.AGENT));

        assertThat(conversions.rows()).extracting(ConversionReport.Row::key, ConversionReport.Row::label,
                ConversionReport.Row::conversions).containsExactlyInAnyOrder(
                tuple(AGENT, AGENT, 1L),
                tuple(null, "Unassigned", 3L));
        assertThat(revenue.rows()).extracting(RevenueReport.Row::key, RevenueReport.Row::label,
                RevenueReport.Row::orders).containsExactlyInAnyOrder(
                tuple(AGENT, AGENT, 1L),
                tuple(null, "Unassigned", 3L));
        assertThat(reports.conversions(new Caller(company, AGENT, Role.AGENT),
                ReportRequest.allTime(null)).total().conversions())
                .as("an agent is credited only with what they converted").isEqualTo(1);
    }

    /** A lead captured straight into Customer, assigned to {@code assignee}, the conversion credited to {@code by}. */
    private String customer(String assignee, String by) {
        String lead = "lead-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T05:00:00Z");
        LeadSnapshot snapshot = new LeadSnapshot("A", "B", "+910000000000", null, List.of(), CUSTOMER, assignee,
                "webhook", null, at, at, by);
        leads.apply(new LeadCaptured(company, lead, 1, at, by == null ? "system" : by, snapshot));
        leads.apply(new LeadConverted(company, lead, 1, at, by == null ? "system" : by, snapshot, at, by, List.of()));
        return lead;
    }

    private OrderCreated order(String lead, String taxable) {
        String id = "order-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T06:00:00Z");
        OrderSnapshot snapshot = new OrderSnapshot(id, lead, "Gold", "INR", taxable, false, PaymentStatus.PAID, null,
                new TaxBreakdown(taxable, "0.00", "0.00", "0.00", taxable, "0", "29"), at, AGENT);
        return new OrderCreated(company, id, lead, 1, at, AGENT, snapshot);
    }

    private CompanySettingsChanged settings(long version, String at, Integer target) {
        return new CompanySettingsChanged(company, version, Instant.parse(at), "admin", "Asia/Kolkata", "ALL", true,
                target, List.of(NEW, CUSTOMER), null);
    }

    private CallLogged call(String lead, long version, String callId, String at, String status, int duration) {
        Instant started = Instant.parse(at);
        LeadSnapshot snapshot = new LeadSnapshot("A", "B", "+910000000000", null, List.of(), NEW, AGENT, "webform",
                null, started, null, null);
        return new CallLogged(company, lead, version, started.plusSeconds(duration), AGENT, snapshot,
                new TimelineEntry(company + "/" + callId, TimelineEntryType.CALL, started, AGENT, null, status,
                        duration, null, null));
    }
}
