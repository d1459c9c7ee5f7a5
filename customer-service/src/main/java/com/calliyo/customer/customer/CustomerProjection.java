package com.calliyo.customer.customer;

import java.util.List;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.FollowUpResolved;
import com.calliyo.lead.events.FollowUpScheduled;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.LeadUpdated;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.lead.events.PipelineStatus;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies lead events to the Customers view; the only writer of {@link CustomerView}. Every event is one
 * single-document update guarded by {@code _id = leadId AND NOT (version > leadVersion)}, so re-applying an event
 * (same version, same values) changes nothing and an older event arriving late changes nothing.
 * {@code converted} and {@code unconverted} upsert (the latter leaves a tombstone, {@code customer = false}, never a
 * delete); when the upsert meets a newer document MongoDB reports a duplicate {@code _id}, which means "already
 * have newer" and is ignored. Every other event only touches an existing document. History entries are
 * {@code $set} by entry id, so a redelivered entry is stored once and a resolved follow-up replaces its entry.
 * <p>
 * Status names follow the company's pipeline: {@code company.statuses_changed} renames the status of every customer
 * of the company (newest {@code pipelineVersion} only, kept by {@link CompanyPipelines}), and a lead event shows its
 * status under the newest name known for its id, because a lead event written before a rename may arrive after it
 * (the two topics are not ordered relative to each other, and a replay reads all company events first).
 */
@Component
public class CustomerProjection {

    private static final Logger log = LoggerFactory.getLogger(CustomerProjection.class);

    private final MongoTemplate mongo;
    private final CompanyPipelines pipelines;

    public CustomerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.pipelines = new CompanyPipelines(mongo);
    }

    public void apply(LeadEvent event) {
        CompanyPipelines.Known pipeline = pipelines.find(event.companyId());
        if (project(event, pipeline) && event.lead().status() != null) {
            followRenamesMadeMeanwhile(event, pipeline);
        }
    }

    /**
     * Renames the status of every customer of the company to the names of the event's pipeline, unless a newer
     * pipeline version was applied already. A redelivery of the same version applies the same names again.
     */
    public void apply(CompanyStatusesChanged event) {
        if (!pipelines.keepIfNotOlder(event)) {
            log.debug("Pipeline of company {} already newer than version {}; ignored", event.companyId(),
                    event.pipelineVersion());
            return;
        }
        for (PipelineStatus status : event.statuses()) {
            mongo.updateMulti(Query.query(Criteria.where("companyId").is(event.companyId())
                            .and("status.id").is(status.id())),
                    new Update().set("status.name", status.name())
                            .set("status.kind", status.kind() == null ? null : status.kind().name()),
                    CustomerView.class);
        }
    }

    /** Writes the event into the view; false when the event has no effect on it (never converted, unknown). */
    private boolean project(LeadEvent event, CompanyPipelines.Known pipeline) {
        if (event instanceof LeadConverted converted) {
            converted(converted, pipeline);
        } else if (event instanceof LeadUnconverted) {
            upsert(event, snapshot(event, pipeline).set("customer", false));
        } else if (event instanceof LeadStatusChanged || event instanceof LeadUpdated
                || event instanceof LeadAssigned) {
            updateExisting(event, snapshot(event, pipeline));
        } else if (event instanceof CallLogged call) {
            updateExisting(event, withHistory(snapshot(event, pipeline), List.of(call.call())));
        } else if (event instanceof FollowUpScheduled scheduled) {
            updateExisting(event, withHistory(snapshot(event, pipeline), List.of(scheduled.followUp())));
        } else if (event instanceof FollowUpResolved resolved) {
            updateExisting(event, withHistory(snapshot(event, pipeline), List.of(resolved.followUp())));
        } else if (event instanceof NoteAdded note) {
            updateExisting(event, withHistory(snapshot(event, pipeline), List.of(note.note())));
        } else {
            // lead.captured and anything newer: a lead that was never converted has no place in this view.
            return false;
        }
        return true;
    }

    /**
     * A rename applied by the company listener between reading the pipeline and writing this event may have been
     * overwritten with the older name. The company listener renames customers only after storing its pipeline, so
     * if the version is unchanged after our write, any later rename reaches this customer; otherwise apply the
     * newest name ourselves and check again.
     */
    private void followRenamesMadeMeanwhile(LeadEvent event, CompanyPipelines.Known used) {
        CompanyPipelines.Known applied = used;
        while (pipelines.version(event.companyId()) != applied.version()) {
            applied = pipelines.find(event.companyId());
            StatusRef current = applied.current(event.lead().status());
            mongo.updateFirst(Query.query(Criteria.where("_id").is(event.leadId()).and("status.id").is(current.id())),
                    new Update().set("status.name", current.name())
                            .set("status.kind", current.kind() == null ? null : current.kind().name()),
                    CustomerView.class);
        }
    }

    private void converted(LeadConverted event, CompanyPipelines.Known pipeline) {
        Update update = snapshot(event, pipeline)
                .set("customer", true)
                .set("convertedAt", event.convertedAt() != null ? event.convertedAt() : event.lead().convertedAt())
                .set("convertedBy", event.convertedBy() != null ? event.convertedBy() : event.lead().convertedBy());
        upsert(event, withHistory(update, event.timeline() == null ? List.of() : event.timeline()));
    }

    private void upsert(LeadEvent event, Update update) {
        try {
            mongo.upsert(notNewerThan(event), update, CustomerView.class);
        } catch (DuplicateKeyException alreadyNewer) {
            log.debug("Customer view of lead {} already has a version newer than {}; ignored",
                    event.leadId(), event.leadVersion());
        }
    }

    private void updateExisting(LeadEvent event, Update update) {
        mongo.updateFirst(notNewerThan(event), update, CustomerView.class);
    }

    private static Query notNewerThan(LeadEvent event) {
        return Query.query(Criteria.where("_id").is(event.leadId())
                .and("version").not().gt(event.leadVersion()));
    }

    private static Update snapshot(LeadEvent event, CompanyPipelines.Known pipeline) {
        LeadSnapshot lead = event.lead();
        return new Update()
                .set("companyId", event.companyId())
                .set("version", event.leadVersion())
                .set("firstName", lead.firstName())
                .set("lastName", lead.lastName())
                .set("phone", lead.phone())
                .set("email", lead.email())
                .set("tags", lead.tags() == null ? List.of() : lead.tags())
                .set("status", status(pipeline.current(lead.status())))
                .set("assignedTo", lead.assignedTo())
                .set("source", lead.source())
                .set("campaign", lead.campaign())
                .set("createdAt", lead.createdAt())
                .set("convertedAt", lead.convertedAt())
                .set("convertedBy", lead.convertedBy());
    }

    private static Update withHistory(Update update, List<TimelineEntry> entries) {
        for (TimelineEntry entry : entries) {
            update.set("history." + key(entry.id()), historyEntry(entry));
        }
        return update;
    }

    private static String key(String entryId) {
        // The id becomes a field name: a dot would nest it and a leading $ is an operator.
        if (entryId == null || entryId.isBlank() || entryId.contains(".") || entryId.startsWith("$")) {
            throw new IllegalArgumentException("Unusable timeline entry id: " + entryId);
        }
        return entryId;
    }

    private static CustomerView.Status status(StatusRef status) {
        if (status == null) {
            return null;
        }
        return new CustomerView.Status(status.id(), status.name(),
                status.kind() == null ? null : status.kind().name());
    }

    private static CustomerView.HistoryEntry historyEntry(TimelineEntry entry) {
        return new CustomerView.HistoryEntry(entry.id(), entry.type() == null ? null : entry.type().name(),
                entry.occurredAt(), entry.actorId(), entry.text(), entry.callStatus(), entry.durationSeconds(),
                entry.scheduledAt(), entry.resolvedAt());
    }
}
