package com.calliyo.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.OrderUpdated;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;

/**
 * A seeded random history of two companies (the one reported on and a noisy neighbour): captures, assignments,
 * status changes, conversions, un-conversions and re-conversions, calls, orders, order updates and payment changes,
 * plus settings and pipeline changes. It keeps the true final state (the model) next to the events that lead-service
 * and order-service would have published, in causal order.
 */
final class ReportWorld {

    static final String COMPANY = "company-main";
    static final String NOISE = "company-noise";
    static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3", "agent-4", "agent-5");
    static final StatusRef NEW = new StatusRef("st-new", "New", StatusKind.UNASSIGNED);
    static final StatusRef CONTACTED = new StatusRef("st-contacted", "Contacted", StatusKind.OTHER);
    static final StatusRef INTERESTED = new StatusRef("st-interested", "Interested", StatusKind.OTHER);
    static final StatusRef FOLLOWUPS = new StatusRef("st-followups", "Followups", StatusKind.OTHER);
    static final StatusRef NOT_INTERESTED = new StatusRef("st-not-interested", "Not Interested", StatusKind.OTHER);
    static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer", StatusKind.CUSTOMER);
    /** A status the final pipeline no longer lists (some leads still carry it). */
    static final StatusRef RETIRED = new StatusRef("st-retired", "Retired", StatusKind.OTHER);
    static final List<StatusRef> WORKING = List.of(CONTACTED, INTERESTED, FOLLOWUPS, NOT_INTERESTED, RETIRED);
    static final List<String> SOURCES = List.of("webform", "csv", "api", "referral");
    static final List<String> CAMPAIGNS = List.of("diwali", "summer", "launch");
    static final List<String> TAGS = List.of("Hot", "hot", "VIP", "2bhk", "Cold", "cold ");
    static final List<String> PLANS = List.of("Basic", "Premium", "Gold");
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    /** The call statuses lead-service logs; IN_PROGRESS calls may be completed later under the same call id. */
    static final List<String> CALL_STATUSES = List.of("CALLED", "CALLED", "CALLED", "BUSY", "NO_ANSWER", "NO_ANSWER",
            "MISSED", "FOLLOW_UP", "RESCHEDULED", "IN_PROGRESS", "IN_PROGRESS");
    static final List<String> COMPLETED_STATUSES = CALL_STATUSES.stream().filter(s -> !s.equals("IN_PROGRESS"))
            .toList();
    /** Old events credited leads captured straight into Customer to pseudo-users; reports read them as no one. */
    static final List<String> PSEUDO_USERS = List.of("webhook:wh-1", "apikey:key-1");
    static final List<Integer> CALL_TARGETS = java.util.Arrays.asList(null, 0, 5, 25, 40, 60);
    /** The final names of the company's users; agent-5 never had a user_changed event (its label is its id). */
    static final Map<String, String> NAMES = Map.of("agent-1", "Asha Rao", "agent-2", "Bala K", "agent-3", "Chitra",
            "agent-4", "Dev");

    /** The final pipeline: Interested renamed "Warm" and moved after Followups; Retired removed. */
    static final List<StatusRef> FINAL_PIPELINE = List.of(NEW, CONTACTED, FOLLOWUPS,
            new StatusRef(INTERESTED.id(), "Warm", StatusKind.OTHER), NOT_INTERESTED, CUSTOMER);

    static final class Lead {
        final String companyId;
        final String id;
        long version;
        final Instant capturedAt;
        final String source;
        final String campaign;
        final List<String> tags;
        StatusRef status = NEW;
        String assignedTo;
        Instant convertedAt;
        String convertedBy;

        Lead(String companyId, String id, Instant capturedAt, String source, String campaign, List<String> tags,
             String assignedTo) {
            this.companyId = companyId;
            this.id = id;
            this.version = 1;
            this.capturedAt = capturedAt;
            this.source = source;
            this.campaign = campaign;
            this.tags = tags;
            this.assignedTo = assignedTo;
        }

        boolean customer() {
            return status.kind() == StatusKind.CUSTOMER;
        }

        LeadSnapshot snapshot() {
            return new LeadSnapshot("First", "Last", "+910000000000", null, tags, status, assignedTo, source,
                    campaign, capturedAt, convertedAt, convertedBy);
        }
    }

    static final class Order {
        final String companyId;
        final String id;
        final String leadId;
        long version = 1;
        String plan;
        PaymentStatus status;
        BigDecimal taxable;
        BigDecimal cgst;
        BigDecimal sgst;
        BigDecimal igst;
        final Instant createdAt;

        Order(String companyId, String id, String leadId, Instant createdAt) {
            this.companyId = companyId;
            this.id = id;
            this.leadId = leadId;
            this.createdAt = createdAt;
        }

        OrderSnapshot snapshot() {
            BigDecimal total = taxable.add(cgst).add(sgst).add(igst);
            return new OrderSnapshot(id, leadId, plan, "INR", total.toPlainString(), true, status, null,
                    new TaxBreakdown(taxable.toPlainString(), cgst.toPlainString(), sgst.toPlainString(),
                            igst.toPlainString(), total.toPlainString(), "18", "29"), createdAt, "agent-1");
        }
    }

    /** A call as it stands now: {@code status} IN_PROGRESS until a completion replaces it. */
    record Call(String companyId, String id, String leadId, String actorId, Instant at, String status,
                int durationSeconds) {

        boolean inProgress() {
            return status.equals("IN_PROGRESS");
        }
    }

    /** A daily call target of the company reported on, from {@code effectiveAt} (its settings event's time). */
    record TargetChange(Instant effectiveAt, long settingsVersion, Integer target) {
    }

    final Map<String, List<Lead>> leads = new HashMap<>();
    final Map<String, List<Order>> orders = new HashMap<>();
    final Map<String, List<Call>> calls = new HashMap<>();
    /** Every daily call target the company reported on has had, in the order they were set. */
    final List<TargetChange> targets = new ArrayList<>();
    /** How many calls were completed after being logged IN_PROGRESS. */
    int completions;
    private final Map<String, Long> settingsVersions = new HashMap<>();
    /** IN_PROGRESS calls whose completion never comes (a dialler that dropped it): they stay out of the attempts. */
    private final Set<String> neverCompleted = new HashSet<>();
    /** Every event in the order it was published. */
    final List<Object> published = new ArrayList<>();
    /** How often the history un-converted a lead, and converted one that had been a customer before. */
    int unconversions;
    int reconversions;
    private final Set<String> everConverted = new HashSet<>();

    private final Random random;
    private Instant clock = START;
    private int ids;

    private ReportWorld(Random random) {
        this.random = random;
        for (String company : List.of(COMPANY, NOISE)) {
            leads.put(company, new ArrayList<>());
            orders.put(company, new ArrayList<>());
            calls.put(company, new ArrayList<>());
        }
    }

    static ReportWorld generate(long seed, int operations) {
        ReportWorld world = new ReportWorld(new Random(seed));
        world.companyEvents();
        for (int i = 0; i < operations; i++) {
            world.step();
        }
        return world;
    }

    List<Lead> leads() {
        return leads.get(COMPANY);
    }

    List<Order> orders() {
        return orders.get(COMPANY);
    }

    List<Call> calls() {
        return calls.get(COMPANY);
    }

    private void companyEvents() {
        List<PipelineStatus> first = List.of(new PipelineStatus(NEW.id(), NEW.name(), NEW.kind(), 0),
                new PipelineStatus(CONTACTED.id(), CONTACTED.name(), CONTACTED.kind(), 1),
                new PipelineStatus(INTERESTED.id(), INTERESTED.name(), INTERESTED.kind(), 2),
                new PipelineStatus(FOLLOWUPS.id(), FOLLOWUPS.name(), FOLLOWUPS.kind(), 3),
                new PipelineStatus(NOT_INTERESTED.id(), NOT_INTERESTED.name(), NOT_INTERESTED.kind(), 4),
                new PipelineStatus(RETIRED.id(), RETIRED.name(), RETIRED.kind(), 5),
                new PipelineStatus(CUSTOMER.id(), CUSTOMER.name(), CUSTOMER.kind(), 6));
        List<PipelineStatus> last = new ArrayList<>();
        for (int i = 0; i < FINAL_PIPELINE.size(); i++) {
            StatusRef s = FINAL_PIPELINE.get(i);
            last.add(new PipelineStatus(s.id(), s.name(), s.kind(), i));
        }
        Collections.reverse(last); // positions, not list order, say where a status stands
        targets.add(new TargetChange(START, 1, 10));
        targets.add(new TargetChange(START, 2, 25));
        for (String company : List.of(COMPANY, NOISE)) {
            published.add(new CompanySettingsChanged(company, 1, START, "admin", "UTC", "ALL", true, 10,
                    List.of(NEW, CUSTOMER), null));
            published.add(new CompanyStatusesChanged(company, 1, START, "admin", first));
            published.add(new CompanySettingsChanged(company, 2, START, "admin", ZONE.getId(), "ALL", true,
                    company.equals(COMPANY) ? 25 : 99, FINAL_PIPELINE, "29AAAAA0000A1Z5"));
            settingsVersions.put(company, 2L);
            published.add(new CompanyStatusesChanged(company, 2, START, "admin", last));
            NAMES.forEach((id, name) -> {
                published.add(new UserChanged(company, id, 1, START, "admin", "Old " + name, "AGENT", false, null));
                published.add(new UserChanged(company, id, 2, START, "admin",
                        company.equals(COMPANY) ? name : "Elsewhere " + name, "AGENT", id.equals("agent-3"), null));
            });
        }
    }

    private void step() {
        clock = clock.plusMillis(random.nextLong(3 * 3_600_000L));
        String company = random.nextInt(8) == 0 ? NOISE : COMPANY;
        if (random.nextInt(100) == 0) {
            changeCallTarget(company);
            return;
        }
        List<Lead> ofCompany = leads.get(company);
        int op = random.nextInt(100);
        if (ofCompany.isEmpty() || op < 22) {
            capture(company);
            return;
        }
        Lead lead = ofCompany.get(random.nextInt(ofCompany.size()));
        if (op < 32) {
            lead.version++;
            String from = lead.assignedTo;
            lead.assignedTo = random.nextInt(10) == 0 ? null : pick(AGENTS);
            published.add(new LeadAssigned(company, lead.id, lead.version, clock, "manager", lead.snapshot(), from,
                    lead.assignedTo));
        } else if (op < 44) {
            changeStatus(lead, pick(WORKING));
        } else if (op < 58) {
            if (!lead.customer()) {
                changeStatus(lead, CUSTOMER);
            }
        } else if (op < 64) {
            if (lead.customer()) {
                changeStatus(lead, pick(WORKING));
            }
        } else if (op < 76) {
            call(lead);
        } else if (op < 80) {
            completeACall(company);
        } else if (op < 88) {
            createOrder(lead);
        } else {
            List<Order> ofCompanyOrders = orders.get(company);
            if (!ofCompanyOrders.isEmpty()) {
                changeOrder(ofCompanyOrders.get(random.nextInt(ofCompanyOrders.size())), op < 95);
            }
        }
    }

    private void capture(String company) {
        List<String> tags = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            tags.add(pick(TAGS));
        }
        Lead lead = new Lead(company, "lead-" + (++ids), clock, pick(SOURCES),
                random.nextInt(4) == 0 ? null : pick(CAMPAIGNS), tags, random.nextInt(3) == 0 ? null : pick(AGENTS));
        leads.get(company).add(lead);
        if (random.nextInt(10) == 0) {
            // captured or imported straight into Customer: credited to the assignee, no one, or (old events) the
            // pseudo-user that created it
            lead.status = CUSTOMER;
            lead.convertedAt = clock;
            lead.convertedBy = random.nextInt(3) == 0 ? pick(PSEUDO_USERS) : lead.assignedTo;
            everConverted.add(lead.id);
            published.add(new LeadCaptured(company, lead.id, 1, clock, "system", lead.snapshot()));
            published.add(new LeadConverted(company, lead.id, 1, clock, "system", lead.snapshot(), clock,
                    lead.convertedBy, List.of()));
            return;
        }
        published.add(new LeadCaptured(company, lead.id, 1, clock, "system", lead.snapshot()));
    }

    /** A status change; into Customer it is a conversion, out of it an un-conversion (two events each, one version). */
    private void changeStatus(Lead lead, StatusRef to) {
        StatusRef from = lead.status;
        lead.version++;
        lead.status = to;
        String actor = lead.assignedTo != null ? lead.assignedTo : pick(AGENTS);
        if (to.kind() == StatusKind.CUSTOMER) {
            reconversions += everConverted.add(lead.id) ? 0 : 1;
            lead.convertedAt = clock;
            // the assignee at that moment, or no one; now and then a pseudo-user, as old events carried
            lead.convertedBy = random.nextInt(15) == 0 ? pick(PSEUDO_USERS) : lead.assignedTo;
            published.add(new LeadStatusChanged(lead.companyId, lead.id, lead.version, clock, actor, lead.snapshot(),
                    from, to));
            published.add(new LeadConverted(lead.companyId, lead.id, lead.version, clock, actor, lead.snapshot(),
                    clock, lead.convertedBy, List.of()));
        } else if (from.kind() == StatusKind.CUSTOMER) {
            unconversions++;
            lead.convertedAt = null;
            lead.convertedBy = null;
            published.add(new LeadStatusChanged(lead.companyId, lead.id, lead.version, clock, actor, lead.snapshot(),
                    from, to));
            published.add(new LeadUnconverted(lead.companyId, lead.id, lead.version, clock, actor, lead.snapshot(),
                    from, to));
        } else {
            published.add(new LeadStatusChanged(lead.companyId, lead.id, lead.version, clock, actor, lead.snapshot(),
                    from, to));
        }
    }

    private void call(Lead lead) {
        lead.version++;
        String actor = random.nextInt(20) == 0 ? pick(PSEUDO_USERS) : random.nextInt(6) == 0 ? pick(AGENTS)
                : (lead.assignedTo != null ? lead.assignedTo : pick(AGENTS));
        String status = pick(CALL_STATUSES);
        Call call = new Call(lead.companyId, "call-" + (++ids), lead.id, actor, clock, status, duration(status));
        if (call.inProgress() && random.nextInt(3) == 0) {
            neverCompleted.add(call.id());
        }
        calls.get(lead.companyId).add(call);
        publishCall(lead, call);
    }

    /** lead-service completes an IN_PROGRESS call by logging it again: same call id, a newer leadVersion. */
    private void completeACall(String company) {
        List<Call> open = calls.get(company).stream()
                .filter(call -> call.inProgress() && !neverCompleted.contains(call.id())).toList();
        if (open.isEmpty()) {
            return;
        }
        Call started = open.get(random.nextInt(open.size()));
        Lead lead = leads.get(company).stream().filter(l -> l.id.equals(started.leadId())).findFirst()
                .orElseThrow();
        lead.version++;
        String status = pick(COMPLETED_STATUSES);
        Call completed = new Call(company, started.id(), started.leadId(), started.actorId(), started.at(), status,
                duration(status));
        List<Call> ofCompany = calls.get(company);
        ofCompany.set(ofCompany.indexOf(started), completed);
        completions += company.equals(COMPANY) ? 1 : 0;
        publishCall(lead, completed);
    }

    /** Talk time mostly on talking statuses, but any status may carry some (connected ⇔ duration > 0). */
    private int duration(String status) {
        if (status.equals("IN_PROGRESS")) {
            return 0;
        }
        boolean talking = List.of("CALLED", "FOLLOW_UP", "RESCHEDULED").contains(status);
        return random.nextInt(talking ? 5 : 10) < (talking ? 4 : 1) ? 1 + random.nextInt(900) : 0;
    }

    private void publishCall(Lead lead, Call call) {
        published.add(new CallLogged(lead.companyId, lead.id, lead.version, clock, call.actorId(), lead.snapshot(),
                new TimelineEntry(call.id(), TimelineEntryType.CALL, call.at(), call.actorId(), null, call.status(),
                        call.durationSeconds(), null, null)));
    }

    /** An admin sets another daily call target (or none); settingsVersion may skip numbers. */
    private void changeCallTarget(String company) {
        long version = settingsVersions.merge(company, 1L + random.nextInt(2), Long::sum);
        Integer target = pick(CALL_TARGETS);
        if (company.equals(COMPANY)) {
            targets.add(new TargetChange(clock, version, target));
        }
        published.add(new CompanySettingsChanged(company, version, clock, "admin", ZONE.getId(), "ALL", true, target,
                FINAL_PIPELINE, "29AAAAA0000A1Z5"));
    }

    private void createOrder(Lead lead) {
        Order order = new Order(lead.companyId, "order-" + (++ids), lead.id, clock);
        amounts(order);
        order.status = pick(List.of(PaymentStatus.values()));
        orders.get(lead.companyId).add(order);
        published.add(new OrderCreated(order.companyId, order.id, order.leadId, order.version, clock, "agent-1",
                order.snapshot()));
    }

    private void changeOrder(Order order, boolean payment) {
        order.version++;
        if (payment) {
            PaymentStatus from = order.status;
            order.status = pick(List.of(PaymentStatus.values()));
            published.add(new OrderPaymentStatusChanged(order.companyId, order.id, order.leadId, order.version, clock,
                    "agent-1", order.snapshot(), from, order.status));
        } else {
            amounts(order);
            published.add(new OrderUpdated(order.companyId, order.id, order.leadId, order.version, clock, "agent-1",
                    order.snapshot()));
        }
    }

    private void amounts(Order order) {
        order.plan = random.nextInt(10) == 0 ? null : pick(PLANS);
        order.taxable = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
        BigDecimal tax = order.taxable.multiply(new BigDecimal("0.09")).setScale(2, RoundingMode.HALF_UP);
        boolean interState = random.nextBoolean();
        order.cgst = interState ? BigDecimal.ZERO.setScale(2) : tax;
        order.sgst = interState ? BigDecimal.ZERO.setScale(2) : tax;
        order.igst = interState ? tax.add(tax) : BigDecimal.ZERO.setScale(2);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
