package com.calliyo.reporting.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of lead and call facts. Every lead event carries the lead's whole snapshot, so every type
 * re-states the lead fact behind the leadVersion guard ({@link VersionedFacts}): an older event changes nothing, a
 * duplicate states the same values and writes nothing, and an un-conversion needs no special case (the snapshot no
 * longer says CUSTOMER). A {@code call.logged} event also states its call, by timeline entry id (stable, per the
 * contract) behind the same leadVersion guard: a call logged IN_PROGRESS is completed by a later call.logged of the
 * same call id with its final status and duration at a newer leadVersion, which replaces the fact instead of adding a
 * second call, while a late redelivery of the in-progress version changes nothing. (lead-service logs each call once
 * today, so such a call stays in progress, and out of the attempts, until it publishes a completion.) A poll's
 * events are applied together ({@link #applyAll}): of each lead and each call only the newest statement counts, so
 * one read and one bulk write per collection serve them all.
 */
@Component
public class LeadFactProjection {

    private static final Logger log = LoggerFactory.getLogger(LeadFactProjection.class);

    private final VersionedFacts leads;
    private final VersionedFacts calls;

    public LeadFactProjection(MongoTemplate mongo) {
        FactGenerations generations = new FactGenerations(mongo);
        this.leads = new VersionedFacts(mongo, FactCollections.LEADS, FactWriteCounting.stamped(generations));
        this.calls = new VersionedFacts(mongo, FactCollections.CALLS, FactWriteCounting.stamped(generations));
    }

    public void apply(LeadEvent event) {
        if (!leads.put(event.leadId(), event.leadVersion(), lead(event))) {
            log.debug("Lead {} v{}: nothing to change", event.leadId(), event.leadVersion());
        }
        if (event instanceof CallLogged logged && logged.call() != null && logged.call().id() != null) {
            TimelineEntry call = logged.call();
            if (!calls.put(call.id(), event.leadVersion(), call(logged))) {
                log.debug("Call {} v{}: nothing to change", call.id(), event.leadVersion());
            }
        }
    }

    /** The same end state as {@link #apply} of each event in order, with one read and one bulk write per collection. */
    public void applyAll(List<LeadEvent> events) {
        List<VersionedFacts.Versioned> leadFacts = new ArrayList<>();
        List<VersionedFacts.Versioned> callFacts = new ArrayList<>();
        for (LeadEvent event : events) {
            leadFacts.add(new VersionedFacts.Versioned(event.leadId(), event.leadVersion(), lead(event)));
            if (event instanceof CallLogged logged && logged.call() != null && logged.call().id() != null) {
                callFacts.add(new VersionedFacts.Versioned(logged.call().id(), event.leadVersion(), call(logged)));
            }
        }
        int leadsWritten = leads.putAll(NewestPerId.of(leadFacts, VersionedFacts.Versioned::id,
                VersionedFacts.Versioned::version));
        int callsWritten = calls.putAll(NewestPerId.of(callFacts, VersionedFacts.Versioned::id,
                VersionedFacts.Versioned::version));
        log.debug("{} lead events: {} lead facts and {} call facts written", events.size(), leadsWritten, callsWritten);
    }

    private static Document lead(LeadEvent event) {
        LeadSnapshot lead = event.lead();
        StatusRef status = lead.status();
        boolean customer = status != null && status.isCustomer();
        // a customer always has a conversion time; should an event lack one, the event's time is the best witness
        Instant convertedAt = customer ? firstNonNull(lead.convertedAt(), event.occurredAt()) : null;
        return new Document("companyId", event.companyId())
                .append("capturedAt", date(firstNonNull(lead.createdAt(), event.occurredAt())))
                .append("source", lead.source())
                .append("campaign", lead.campaign())
                .append("tags", lead.tags() == null ? List.of() : lead.tags())
                .append("statusId", status == null ? null : status.id())
                .append("statusName", status == null ? null : status.name())
                .append("statusKind", status == null || status.kind() == null ? null : status.kind().name())
                .append("assignedTo", lead.assignedTo())
                .append("convertedAt", date(convertedAt))
                .append("convertedBy", customer ? lead.convertedBy() : null);
    }

    private static Document call(CallLogged logged) {
        TimelineEntry call = logged.call();
        return new Document("companyId", logged.companyId())
                .append("leadId", logged.leadId())
                .append("actorId", firstNonNull(call.actorId(), logged.actorId()))
                .append("occurredAt", date(firstNonNull(call.occurredAt(), logged.occurredAt())))
                .append("callStatus", call.callStatus())
                .append("durationSeconds", call.durationSeconds() == null ? 0 : Math.max(0, call.durationSeconds()));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
