package com.calliyo.order;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Canonical lead events for one lead, as lead-service publishes them: a conversion or un-conversion is two events
 * (status_changed + converted/unconverted) with the same leadVersion and the same snapshot.
 */
public final class LeadEventsMother {

    public static final String AGENT = "agent-7";
    public static final StatusRef NEW = new StatusRef("st-new", "New", StatusKind.UNASSIGNED);
    public static final StatusRef INTERESTED = new StatusRef("st-interested", "Interested", StatusKind.OTHER);
    public static final StatusRef CUSTOMER = new StatusRef("st-customer", "Customer", StatusKind.CUSTOMER);
    public static final Instant CAPTURED_AT = Instant.parse("2026-03-01T09:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String companyId;
    private final String leadId;
    private final String source;
    private final String campaign;
    private final List<String> tags;
    private final String assignedTo;

    private LeadEventsMother(String companyId, String leadId, String source, String campaign, List<String> tags,
                             String assignedTo) {
        this.companyId = companyId;
        this.leadId = leadId;
        this.source = source;
        this.campaign = campaign;
        this.tags = tags;
        this.assignedTo = assignedTo;
    }

    public static LeadEventsMother aLead(String companyId) {
        return new LeadEventsMother(companyId, "lead-" + UUID.randomUUID(), "webform", "diwali", List.of("hot"),
                AGENT);
    }

    public static String aCompany() {
        return "company-" + UUID.randomUUID();
    }

    public LeadEventsMother from(String otherSource) {
        return new LeadEventsMother(companyId, leadId, otherSource, campaign, tags, assignedTo);
    }

    public LeadEventsMother inCampaign(String otherCampaign) {
        return new LeadEventsMother(companyId, leadId, source, otherCampaign, tags, assignedTo);
    }

    public LeadEventsMother taggedWith(String... otherTags) {
        return new LeadEventsMother(companyId, leadId, source, campaign, List.of(otherTags), assignedTo);
    }

    public LeadEventsMother assignedTo(String agentId) {
        return new LeadEventsMother(companyId, leadId, source, campaign, tags, agentId);
    }

    public String leadId() {
        return leadId;
    }

    public String companyId() {
        return companyId;
    }

    public LeadCaptured captured() {
        return new LeadCaptured(companyId, leadId, 1, CAPTURED_AT, AGENT, snapshot(NEW, null));
    }

    public LeadAssigned assigned(long version) {
        return new LeadAssigned(companyId, leadId, version, at(version), AGENT, snapshot(INTERESTED, null), null,
                assignedTo);
    }

    public LeadStatusChanged statusChanged(long version, StatusRef from, StatusRef to) {
        return new LeadStatusChanged(companyId, leadId, version, at(version), AGENT,
                snapshot(to, to.isCustomer() ? at(version) : null), from, to);
    }

    /** The two events of one conversion, both at {@code version}. */
    public List<LeadEvent> conversion(long version) {
        return List.of(statusChanged(version, INTERESTED, CUSTOMER), converted(version));
    }

    /** The two events of one un-conversion, both at {@code version}. */
    public List<LeadEvent> unconversion(long version) {
        return List.of(statusChanged(version, CUSTOMER, INTERESTED), unconverted(version));
    }

    public LeadConverted converted(long version) {
        return new LeadConverted(companyId, leadId, version, at(version), AGENT, snapshot(CUSTOMER, at(version)),
                at(version), assignedTo, List.of());
    }

    public LeadUnconverted unconverted(long version) {
        return new LeadUnconverted(companyId, leadId, version, at(version), AGENT, snapshot(INTERESTED, null),
                CUSTOMER, INTERESTED);
    }

    private LeadSnapshot snapshot(StatusRef status, Instant convertedAt) {
        return new LeadSnapshot("Asha", "Rao", "+919812345678", "asha@example.com", tags, status, assignedTo,
                source, campaign, CAPTURED_AT, convertedAt, convertedAt == null ? null : assignedTo);
    }

    private static Instant at(long version) {
        return CAPTURED_AT.plus(version, ChronoUnit.HOURS);
    }

    /** The record lead-service would publish: a binary-mode CloudEvent keyed by leadId. */
    public static ProducerRecord<String, byte[]> record(LeadEvent event) {
        return record(event.leadId(), typeOf(event).type(), JSON.writeValueAsBytes(event));
    }

    public static ProducerRecord<String, byte[]> record(String leadId, String ceType, byte[] data) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(ceType)
                .withSource(URI.create(LeadEventTopics.SOURCE))
                .withSubject(leadId)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
        return KafkaMessageFactory.<String>createWriter(LeadEventTopics.LEAD_EVENTS, leadId).writeBinary(cloudEvent);
    }

    /** A {@code settings_changed} as lead-service publishes it on {@code crm.company.events}, keyed by companyId. */
    public static ProducerRecord<String, byte[]> settingsChanged(String companyId, long version,
                                                                 boolean orderModuleEnabled, String gstin) {
        CompanySettingsChanged event = new CompanySettingsChanged(companyId, version, CAPTURED_AT, AGENT,
                "Asia/Kolkata", "ALL", orderModuleEnabled, 50, List.of(NEW, INTERESTED, CUSTOMER), gstin);
        return companyRecord(companyId, LeadEventType.COMPANY_SETTINGS_CHANGED.type(), JSON.writeValueAsBytes(event));
    }

    public static ProducerRecord<String, byte[]> companyRecord(String companyId, String ceType, byte[] data) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(ceType)
                .withSource(URI.create(LeadEventTopics.SOURCE))
                .withSubject(companyId)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
        return KafkaMessageFactory.<String>createWriter(LeadEventTopics.COMPANY_EVENTS, companyId)
                .writeBinary(cloudEvent);
    }

    private static LeadEventType typeOf(LeadEvent event) {
        for (LeadEventType type : LeadEventType.values()) {
            if (type.dataClass().equals(event.getClass())) {
                return type;
            }
        }
        throw new IllegalArgumentException("No CloudEvents type for " + event.getClass());
    }
}
