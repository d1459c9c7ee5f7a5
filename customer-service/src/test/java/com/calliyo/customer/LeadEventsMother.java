package com.calliyo.customer;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.FollowUpResolved;
import com.calliyo.lead.events.FollowUpScheduled;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnassigned;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.lead.events.UserChanged;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Canonical lead events for one lead of {@link #COMPANY} (or another company), company pipelines, and their
 * CloudEvents Kafka records.
 */
public final class LeadEventsMother {

    public static final String COMPANY = "demo-company";
    public static final String AGENT = "agent-7";
    public static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer", StatusKind.CUSTOMER);
    public static final StatusRef INTERESTED = new StatusRef("st-interested", "Interested", StatusKind.OTHER);
    public static final Instant CAPTURED_AT = Instant.parse("2026-03-01T09:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String leadId;
    private final String companyId;
    private final String agent;
    private final String firstName;
    private final String lastName;
    private final String phone;

    private LeadEventsMother(String leadId, String companyId, String agent, String firstName, String lastName,
                             String phone) {
        this.leadId = leadId;
        this.companyId = companyId;
        this.agent = agent;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
    }

    public static LeadEventsMother aLead() {
        return new LeadEventsMother("lead-" + UUID.randomUUID(), COMPANY, AGENT, "Asha", "Rao", "+919812345678");
    }

    public LeadEventsMother ofCompany(String otherCompanyId) {
        return new LeadEventsMother(leadId, otherCompanyId, agent, firstName, lastName, phone);
    }

    public LeadEventsMother withLeadId(String id) {
        return new LeadEventsMother(id, companyId, agent, firstName, lastName, phone);
    }

    /** The lead assigned to, and so converted by, {@code agentId}. */
    public LeadEventsMother assignedTo(String agentId) {
        return new LeadEventsMother(leadId, companyId, agentId, firstName, lastName, phone);
    }

    public LeadEventsMother named(String first, String last, String phoneNumber) {
        return new LeadEventsMother(leadId, companyId, agent, first, last, phoneNumber);
    }

    public String leadId() {
        return leadId;
    }

    public String companyId() {
        return companyId;
    }

    public LeadSnapshot snapshot(StatusRef status, Instant convertedAt) {
        String email = firstName.toLowerCase(Locale.ROOT) + "@example.com";
        return new LeadSnapshot(firstName, lastName, phone, email, List.of("hot"), status, agent,
                "webform", "diwali", CAPTURED_AT, convertedAt, convertedAt == null ? null : agent);
    }

    public LeadConverted converted(long version, Instant convertedAt, TimelineEntry... timeline) {
        return new LeadConverted(companyId, leadId, version, convertedAt, agent, snapshot(CUSTOMER, convertedAt),
                convertedAt, agent, List.of(timeline));
    }

    /**
     * A conversion as lead-service publishes it for a long history: only the newest entries ({@code page}, newest
     * first) of {@code timelineSize}.
     */
    public LeadConverted convertedWithNewestOf(long version, int timelineSize, List<TimelineEntry> page) {
        Instant convertedAt = Instant.parse("2026-03-05T12:00:00Z");
        return new LeadConverted(companyId, leadId, version, convertedAt, agent, snapshot(CUSTOMER, convertedAt),
                convertedAt, agent, page, true, timelineSize);
    }

    public LeadConverted converted(long version, TimelineEntry... timeline) {
        return converted(version, Instant.parse("2026-03-05T12:00:00Z"), timeline);
    }

    public LeadUnconverted unconverted(long version) {
        return unconverted(version, INTERESTED);
    }

    public LeadUnconverted unconverted(long version, StatusRef to) {
        return new LeadUnconverted(companyId, leadId, version, at(version), AGENT, snapshot(to, null), CUSTOMER, to);
    }

    /** The stale-lead clean-up took the lead (in {@code status}) back from its agent. */
    public LeadUnassigned unassigned(long version, StatusRef status) {
        return new LeadUnassigned(companyId, leadId, version, at(version), "system:stale-leads",
                assignedTo(null).snapshot(status, null), agent, LeadUnassigned.STALE);
    }

    public LeadStatusChanged statusChanged(long version, StatusRef from, StatusRef to) {
        Instant convertedAt = to.isCustomer() ? Instant.parse("2026-03-05T12:00:00Z") : null;
        return new LeadStatusChanged(companyId, leadId, version, at(version), AGENT, snapshot(to, convertedAt),
                from, to);
    }

    public NoteAdded noteAdded(long version, TimelineEntry note) {
        return new NoteAdded(companyId, leadId, version, note.occurredAt(), AGENT,
                snapshot(CUSTOMER, Instant.parse("2026-03-05T12:00:00Z")), note);
    }

    public FollowUpScheduled followUpScheduled(long version, TimelineEntry followUp) {
        return new FollowUpScheduled(companyId, leadId, version, followUp.occurredAt(), AGENT,
                snapshot(CUSTOMER, Instant.parse("2026-03-05T12:00:00Z")), followUp);
    }

    public FollowUpResolved followUpResolved(long version, TimelineEntry followUp) {
        return new FollowUpResolved(companyId, leadId, version, followUp.resolvedAt(), AGENT,
                snapshot(CUSTOMER, Instant.parse("2026-03-05T12:00:00Z")), followUp);
    }

    public static TimelineEntry note(String text, Instant at) {
        return new TimelineEntry("note-" + UUID.randomUUID(), TimelineEntryType.NOTE, at, AGENT, text, null, null,
                null, null);
    }

    public static TimelineEntry call(Instant at, int durationSeconds) {
        return new TimelineEntry("call-" + UUID.randomUUID(), TimelineEntryType.CALL, at, AGENT, "spoke",
                "CALLED", durationSeconds, null, null);
    }

    public static TimelineEntry followUp(Instant at, Instant scheduledAt) {
        return new TimelineEntry("fu-" + UUID.randomUUID(), TimelineEntryType.FOLLOW_UP, at, AGENT, "call back",
                null, null, scheduledAt, null);
    }

    public static TimelineEntry resolved(TimelineEntry followUp, Instant resolvedAt) {
        return new TimelineEntry(followUp.id(), followUp.type(), followUp.occurredAt(), followUp.actorId(),
                followUp.text(), null, null, followUp.scheduledAt(), resolvedAt);
    }

    /**
     * The pipeline of a company whose statuses are those of this mother ({@code st-customer}, {@code st-interested}
     * and two more), with the Customer status named {@code customerName}.
     */
    public static CompanyStatusesChanged statusesChanged(String companyId, long version, String customerName) {
        return new CompanyStatusesChanged(companyId, version, CAPTURED_AT.plus(version, ChronoUnit.DAYS), "admin-1",
                List.of(new PipelineStatus("st-unassigned", "Unassigned", StatusKind.UNASSIGNED, 0),
                        new PipelineStatus(INTERESTED.id(), INTERESTED.name(), INTERESTED.kind(), 1),
                        new PipelineStatus("st-followups", "Followups", StatusKind.FOLLOWUPS, 2),
                        new PipelineStatus(CUSTOMER.id(), customerName, StatusKind.CUSTOMER, 3)));
    }

    /** The company's configuration at {@code version}, its Customer status named {@code customerName}. */
    public static CompanySettingsChanged settingsChanged(String companyId, long version, String timezone,
                                                         String showCustomerTo, String customerName) {
        return new CompanySettingsChanged(companyId, version, CAPTURED_AT.plus(version, ChronoUnit.DAYS), "admin-1",
                timezone, showCustomerTo, true, 100,
                List.of(new StatusRef("st-unassigned", "Unassigned", StatusKind.UNASSIGNED), INTERESTED,
                        new StatusRef(CUSTOMER.id(), customerName, StatusKind.CUSTOMER)), null);
    }

    public static UserChanged userChanged(String companyId, String userId, long version, String name) {
        return new UserChanged(companyId, userId, version, CAPTURED_AT.plus(version, ChronoUnit.HOURS), "admin-1",
                name, "AGENT", false, null);
    }

    public static ProducerRecord<String, byte[]> record(UserChanged event) {
        return record(LeadEventTopics.COMPANY_EVENTS, event.companyId(), LeadEventType.USER_CHANGED.type(),
                JSON.writeValueAsBytes(event));
    }

    public static ProducerRecord<String, byte[]> record(CompanySettingsChanged event) {
        return record(LeadEventTopics.COMPANY_EVENTS, event.companyId(), LeadEventType.COMPANY_SETTINGS_CHANGED.type(),
                JSON.writeValueAsBytes(event));
    }

    /** The record lead-service would publish on the company topic: a binary-mode CloudEvent keyed by companyId. */
    public static ProducerRecord<String, byte[]> record(CompanyStatusesChanged event) {
        return record(LeadEventTopics.COMPANY_EVENTS, event.companyId(), LeadEventType.COMPANY_STATUSES_CHANGED.type(),
                JSON.writeValueAsBytes(event));
    }

    /** The record lead-service would publish: a binary-mode CloudEvent keyed by leadId. */
    public static ProducerRecord<String, byte[]> record(LeadEvent event) {
        LeadEventType type = typeOf(event);
        return record(event.leadId(), type.type(), JSON.writeValueAsBytes(event));
    }

    public static ProducerRecord<String, byte[]> record(String leadId, String ceType, byte[] data) {
        return record(LeadEventTopics.LEAD_EVENTS, leadId, ceType, data);
    }

    public static ProducerRecord<String, byte[]> record(String topic, String key, String ceType, byte[] data) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(ceType)
                .withSource(URI.create(LeadEventTopics.SOURCE))
                .withSubject(key)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(cloudEvent);
    }

    private static LeadEventType typeOf(LeadEvent event) {
        for (LeadEventType type : LeadEventType.values()) {
            if (type.dataClass().equals(event.getClass())) {
                return type;
            }
        }
        throw new IllegalArgumentException("No CloudEvents type for " + event.getClass());
    }

    private static Instant at(long version) {
        return CAPTURED_AT.plus(version, ChronoUnit.HOURS);
    }
}
