package com.calliyo.customer;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.LeadUpdated;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.OrderEventType;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realistic, deterministic event stream for the benchmark, as lead-service and order-service would publish it:
 * per lead a capture, an assignment (with its status change), a call, a note, sometimes an edit; three leads in ten
 * converted (with the timeline) and noted afterwards, most of those with an order that gets paid; some customers
 * un-converted and some of those converted again. Counts how many customers the view must end with.
 */
final class BenchmarkEvents {

    static final int COMPANIES = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StatusRef UNASSIGNED = new StatusRef("st-unassigned", "Unassigned", StatusKind.UNASSIGNED);
    private static final StatusRef ASSIGNED = new StatusRef("st-assigned", "Assigned", StatusKind.OTHER);
    private static final StatusRef INTERESTED = new StatusRef("st-interested", "Interested", StatusKind.OTHER);
    private static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer", StatusKind.CUSTOMER);
    private static final Instant START = Instant.parse("2026-01-05T04:00:00Z");

    final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    long expectedCustomers;
    long orders;

    static BenchmarkEvents atLeast(int events) {
        BenchmarkEvents stream = new BenchmarkEvents();
        for (int c = 0; c < COMPANIES; c++) {
            stream.company("bench-company-" + c);
        }
        for (int i = 0; stream.records.size() < events; i++) {
            stream.lead(i);
        }
        return stream;
    }

    private void company(String companyId) {
        List<PipelineStatus> pipeline = List.of(new PipelineStatus(UNASSIGNED.id(), "Unassigned",
                        StatusKind.UNASSIGNED, 0), new PipelineStatus(ASSIGNED.id(), "Assigned", StatusKind.OTHER, 1),
                new PipelineStatus(INTERESTED.id(), "Interested", StatusKind.OTHER, 2),
                new PipelineStatus(CUSTOMER.id(), "Won", StatusKind.CUSTOMER, 3));
        add(LeadEventTopics.COMPANY_EVENTS, companyId, LeadEventType.COMPANY_STATUSES_CHANGED.type(),
                new CompanyStatusesChanged(companyId, 2, START, "admin", pipeline));
        add(LeadEventTopics.COMPANY_EVENTS, companyId, LeadEventType.COMPANY_SETTINGS_CHANGED.type(),
                new CompanySettingsChanged(companyId, 3, START, "admin", "Asia/Kolkata", "AGENT_ONLY", true, 100,
                        List.of(UNASSIGNED, ASSIGNED, INTERESTED, CUSTOMER), null));
        for (int a = 0; a < 4; a++) {
            add(LeadEventTopics.COMPANY_EVENTS, companyId, LeadEventType.USER_CHANGED.type(),
                    new UserChanged(companyId, agent(companyId, a), 1, START, "admin", "Agent " + a, "AGENT", false, null));
        }
    }

    private void lead(int i) {
        String company = "bench-company-" + (i % COMPANIES);
        String leadId = "bench-lead-" + i;
        String agent = agent(company, i % 4);
        Instant t = START.plus(i, ChronoUnit.MINUTES);
        long v = 1;
        List<TimelineEntry> timeline = new ArrayList<>();
        lead(LeadEventType.CAPTURED, new LeadCaptured(company, leadId, v, t, "api", snap(i, UNASSIGNED, null, null, null)));
        v++;
        LeadSnapshot assigned = snap(i, ASSIGNED, agent, null, null);
        lead(LeadEventType.ASSIGNED, new LeadAssigned(company, leadId, v, t, "system", assigned, null, agent));
        lead(LeadEventType.STATUS_CHANGED, new LeadStatusChanged(company, leadId, v, t, "system", assigned,
                UNASSIGNED, ASSIGNED));
        v++;
        TimelineEntry call = entry(leadId + "_c1", TimelineEntryType.CALL, t.plusSeconds(600), agent);
        timeline.add(call);
        lead(LeadEventType.CALL_LOGGED, new CallLogged(company, leadId, v, call.occurredAt(), agent, assigned, call));
        v++;
        TimelineEntry note = entry(leadId + "_n1", TimelineEntryType.NOTE, t.plusSeconds(900), agent);
        timeline.add(note);
        lead(LeadEventType.NOTE_ADDED, new NoteAdded(company, leadId, v, note.occurredAt(), agent, assigned, note));
        if (i % 3 == 0) {
            v++;
            lead(LeadEventType.UPDATED, new LeadUpdated(company, leadId, v, t.plusSeconds(1000), agent,
                    snap(i, ASSIGNED, agent, null, null)));
        }
        if (i % 10 >= 3) {
            return;
        }
        v++;
        Instant convertedAt = t.plus(2, ChronoUnit.DAYS);
        LeadSnapshot customer = snap(i, CUSTOMER, agent, convertedAt, agent);
        lead(LeadEventType.STATUS_CHANGED, new LeadStatusChanged(company, leadId, v, convertedAt, agent, customer,
                ASSIGNED, CUSTOMER));
        lead(LeadEventType.CONVERTED, new LeadConverted(company, leadId, v, convertedAt, agent, customer, convertedAt,
                agent, List.copyOf(timeline)));
        boolean isCustomer = true;
        if (i % 5 != 0) {
            order(company, leadId, "bench-order-" + i, convertedAt, agent);
        }
        v++;
        TimelineEntry after = entry(leadId + "_n2", TimelineEntryType.NOTE, convertedAt.plusSeconds(3600), agent);
        timeline.add(after);
        lead(LeadEventType.NOTE_ADDED, new NoteAdded(company, leadId, v, after.occurredAt(), agent, customer, after));
        if (i % 7 == 0) {
            v++;
            LeadSnapshot back = snap(i, INTERESTED, agent, null, null);
            Instant at = convertedAt.plus(1, ChronoUnit.DAYS);
            lead(LeadEventType.STATUS_CHANGED, new LeadStatusChanged(company, leadId, v, at, agent, back, CUSTOMER,
                    INTERESTED));
            lead(LeadEventType.UNCONVERTED, new LeadUnconverted(company, leadId, v, at, agent, back, CUSTOMER,
                    INTERESTED));
            isCustomer = false;
            if (i % 14 == 0) {
                v++;
                Instant again = at.plus(1, ChronoUnit.DAYS);
                LeadSnapshot reconverted = snap(i, CUSTOMER, agent, again, agent);
                lead(LeadEventType.CONVERTED, new LeadConverted(company, leadId, v, again, agent, reconverted, again,
                        agent, List.copyOf(timeline)));
                isCustomer = true;
            }
        }
        if (isCustomer) {
            expectedCustomers++;
        }
    }

    private void order(String company, String leadId, String orderId, Instant at, String agent) {
        orders++;
        TaxBreakdown tax = new TaxBreakdown("10000.00", "900.00", "900.00", "0.00", "11800.00", "18", "29");
        OrderSnapshot pending = new OrderSnapshot(orderId, leadId, "Premium", "INR", "11800.00", true,
                PaymentStatus.PENDING, null, tax, at, agent);
        add(OrderEventTopics.ORDER_EVENTS, leadId, OrderEventType.ORDER_CREATED.type(),
                new OrderCreated(company, orderId, leadId, 1, at, agent, pending));
        OrderSnapshot paid = new OrderSnapshot(orderId, leadId, "Premium", "INR", "11800.00", true,
                PaymentStatus.PAID, "11800.00", tax, at, agent);
        add(OrderEventTopics.ORDER_EVENTS, leadId, OrderEventType.ORDER_PAYMENT_STATUS_CHANGED.type(),
                new OrderPaymentStatusChanged(company, orderId, leadId, 2, at.plusSeconds(60), agent, paid,
                        PaymentStatus.PENDING, PaymentStatus.PAID));
    }

    private void lead(LeadEventType type, LeadEvent event) {
        add(LeadEventTopics.LEAD_EVENTS, event.leadId(), type.type(), event);
    }

    private void add(String topic, String key, String type, Object data) {
        byte[] bytes = JSON.writeValueAsBytes(data);
        records.add(KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(URI.create("/calliyo/benchmark"))
                .withSubject(key)
                .withTime(START.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(bytes)
                .build()));
    }

    private static String agent(String company, int n) {
        return company + "-agent-" + n;
    }

    private static LeadSnapshot snap(int i, StatusRef status, String agent, Instant convertedAt, String convertedBy) {
        return new LeadSnapshot("First" + i, "Last" + (i % 97), "+9198" + String.format("%08d", i),
                "lead" + i + "@example.com", List.of(i % 2 == 0 ? "hot" : "cold"), status, agent,
                i % 3 == 0 ? "webform" : "csv", "campaign-" + (i % 4), START, convertedAt, convertedBy);
    }

    private static TimelineEntry entry(String id, TimelineEntryType type, Instant at, String agent) {
        return type == TimelineEntryType.CALL
                ? new TimelineEntry(id, type, at, agent, "spoke", "CALLED", 95, null, null)
                : new TimelineEntry(id, type, at, agent, "wants the yearly plan", null, null, null, null);
    }
}
