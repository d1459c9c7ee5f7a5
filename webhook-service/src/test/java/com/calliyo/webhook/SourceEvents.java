package com.calliyo.webhook;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.FollowUpResolved;
import com.calliyo.lead.events.FollowUpScheduled;
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
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.OrderEventType;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.order.events.OrderSnapshot;
import com.calliyo.order.events.PaymentStatus;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/** Lead and order events of one lead, as lead-service and order-service publish them (binary-mode CloudEvents). */
public final class SourceEvents {

    public static final StatusRef NEW = new StatusRef("st-new", "New", StatusKind.UNASSIGNED);
    public static final StatusRef INTERESTED = new StatusRef("st-interested", "Interested", StatusKind.OTHER);
    public static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer", StatusKind.CUSTOMER);
    /** Recent, so that the events are within the 30 days a replay reaches back. */
    private static final Instant START = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final String AGENT = "agent-7";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String companyId;
    private final String leadId = "lead-" + UUID.randomUUID();

    public SourceEvents(String companyId) {
        this.companyId = companyId;
    }

    public String leadId() {
        return leadId;
    }

    public LeadCaptured captured() {
        return new LeadCaptured(companyId, leadId, 1, at(1), AGENT, lead(NEW, "asha@example.com", null));
    }

    public LeadUpdated emailChanged(long version, String email) {
        return new LeadUpdated(companyId, leadId, version, at(version), AGENT, lead(NEW, email, null));
    }

    public LeadStatusChanged statusChanged(long version, StatusRef from, StatusRef to) {
        return new LeadStatusChanged(companyId, leadId, version, at(version), AGENT,
                lead(to, "asha.rao@example.com", to == CUSTOMER ? at(version) : null), from, to);
    }

    public LeadAssigned assigned(long version) {
        return new LeadAssigned(companyId, leadId, version, at(version), AGENT, lead(NEW, "asha.rao@example.com", null),
                null, AGENT);
    }

    public LeadConverted converted(long version) {
        return new LeadConverted(companyId, leadId, version, at(version), AGENT,
                lead(CUSTOMER, "asha.rao@example.com", at(version)), at(version), AGENT, List.of());
    }

    public LeadUnconverted unconverted(long version) {
        return new LeadUnconverted(companyId, leadId, version, at(version), AGENT,
                lead(INTERESTED, "asha.rao@example.com", null), CUSTOMER, INTERESTED);
    }

    public CallLogged callLogged(long version) {
        return new CallLogged(companyId, leadId, version, at(version), AGENT, lead(NEW, "asha.rao@example.com", null),
                entry(TimelineEntryType.CALL, version));
    }

    public FollowUpScheduled followUpScheduled(long version) {
        return new FollowUpScheduled(companyId, leadId, version, at(version), AGENT,
                lead(NEW, "asha.rao@example.com", null), entry(TimelineEntryType.FOLLOW_UP, version));
    }

    public FollowUpResolved followUpResolved(long version) {
        return new FollowUpResolved(companyId, leadId, version, at(version), AGENT,
                lead(NEW, "asha.rao@example.com", null), entry(TimelineEntryType.FOLLOW_UP, version));
    }

    public NoteAdded noteAdded(long version) {
        return new NoteAdded(companyId, leadId, version, at(version), AGENT, lead(NEW, "asha.rao@example.com", null),
                entry(TimelineEntryType.NOTE, version));
    }

    public OrderCreated orderCreated(String orderId) {
        return new OrderCreated(companyId, orderId, leadId, 1, at(20), AGENT, order(orderId, PaymentStatus.PENDING));
    }

    public OrderPaymentStatusChanged orderPaid(String orderId) {
        return new OrderPaymentStatusChanged(companyId, orderId, leadId, 2, at(21), AGENT,
                order(orderId, PaymentStatus.PAID), PaymentStatus.PENDING, PaymentStatus.PAID);
    }

    /** The record the source service would publish, with a new CloudEvents id. */
    public static ProducerRecord<String, byte[]> record(LeadEvent event) {
        LeadEventType type = java.util.Arrays.stream(LeadEventType.values())
                .filter(t -> t.dataClass().equals(event.getClass())).findFirst().orElseThrow();
        return record(LeadEventTopics.LEAD_EVENTS, event.leadId(), type.type(), JSON.writeValueAsBytes(event));
    }

    public static ProducerRecord<String, byte[]> record(OrderEvent event) {
        OrderEventType type = java.util.Arrays.stream(OrderEventType.values())
                .filter(t -> t.dataClass().equals(event.getClass())).findFirst().orElseThrow();
        return record(OrderEventTopics.ORDER_EVENTS, event.leadId(), type.type(), JSON.writeValueAsBytes(event));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String type, byte[] data) {
        return KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(URI.create("/calliyo/test"))
                .withSubject(key)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build());
    }

    private LeadSnapshot lead(StatusRef status, String email, Instant convertedAt) {
        return new LeadSnapshot("Asha", "Rao", "+919812345678", email, List.of("hot"), status, AGENT, "webform",
                "diwali", START, convertedAt, convertedAt == null ? null : AGENT);
    }

    private static TimelineEntry entry(TimelineEntryType type, long version) {
        return new TimelineEntry("entry-" + UUID.randomUUID(), type, at(version), AGENT, "note " + version,
                type == TimelineEntryType.CALL ? "CALLED" : null, type == TimelineEntryType.CALL ? 65 : null,
                type == TimelineEntryType.FOLLOW_UP ? at(version + 24) : null, null);
    }

    private OrderSnapshot order(String orderId, PaymentStatus status) {
        return new OrderSnapshot(orderId, leadId, "Gold", "INR", "10000.00", false, status, null, null, at(20), AGENT);
    }

    private static Instant at(long version) {
        return START.plus(version, ChronoUnit.HOURS);
    }
}
