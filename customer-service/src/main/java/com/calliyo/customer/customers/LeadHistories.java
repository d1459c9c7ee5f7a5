package com.calliyo.customer.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.FollowUpResolved;
import com.calliyo.lead.events.FollowUpScheduled;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every lead's calls, follow-ups and notes as their own events told them, customer or not: a {@code lead.converted}
 * carries only the newest part of a long timeline ({@code timelineTruncated}), and the projection takes the older
 * entries from here. One document per lead ({@code _id} = leadId), {@code entries} keyed by entry id, each with the
 * leadVersion of the event that wrote it: an entry is replaced only by an event at least as new, so duplicates and
 * late older events change nothing. Reads and writes name {@code _id} alone, so even the embedded store answers them
 * by index. A lead's events come in order from one partition, so read-then-write needs no compare-and-set here.
 */
final class LeadHistories {

    static final String COLLECTION = "lead_histories";
    private static final String ENTRIES = "entries";
    private static final String VERSION = "leadVersion";

    private final MongoTemplate mongo;

    LeadHistories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the entry an activity event carries; other events are ignored. */
    void record(LeadEvent event) {
        TimelineEntry entry = entryOf(event);
        if (entry == null) {
            return;
        }
        String field = ENTRIES + "." + CustomerChanges.key("timeline entry id", entry.id());
        Document held = histories().find(new Document("_id", event.leadId()))
                .projection(Projections.include(field + "." + VERSION)).first();
        Document heldEntry = held == null ? null : held.get(ENTRIES, Document.class);
        heldEntry = heldEntry == null ? null : heldEntry.get(entry.id(), Document.class);
        if (heldEntry != null && heldEntry.get(VERSION, Number.class).longValue() > event.leadVersion()) {
            return;
        }
        histories().updateOne(new Document("_id", event.leadId()),
                Updates.combine(Updates.set("companyId", event.companyId()),
                        Updates.set(field, toDocument(entry, event.leadVersion()))),
                new UpdateOptions().upsert(true));
    }

    /** The lead's entries as recorded, in no particular order; empty for a lead without activity. */
    List<TimelineEntry> of(String leadId) {
        Document held = histories().find(new Document("_id", leadId)).first();
        Document entries = held == null ? null : held.get(ENTRIES, Document.class);
        List<TimelineEntry> found = new ArrayList<>();
        if (entries != null) {
            entries.values().forEach(entry -> found.add(fromDocument((Document) entry)));
        }
        return found;
    }

    private static TimelineEntry entryOf(LeadEvent event) {
        if (event instanceof CallLogged call) {
            return call.call();
        }
        if (event instanceof FollowUpScheduled scheduled) {
            return scheduled.followUp();
        }
        if (event instanceof FollowUpResolved resolved) {
            return resolved.followUp();
        }
        if (event instanceof NoteAdded note) {
            return note.note();
        }
        return null;
    }

    private static Document toDocument(TimelineEntry entry, long leadVersion) {
        return new Document("id", entry.id())
                .append("type", entry.type() == null ? null : entry.type().name())
                .append("occurredAt", date(entry.occurredAt()))
                .append("actorId", entry.actorId())
                .append("text", entry.text())
                .append("callStatus", entry.callStatus())
                .append("durationSeconds", entry.durationSeconds())
                .append("scheduledAt", date(entry.scheduledAt()))
                .append("resolvedAt", date(entry.resolvedAt()))
                .append(VERSION, leadVersion);
    }

    private static TimelineEntry fromDocument(Document entry) {
        String type = entry.getString("type");
        return new TimelineEntry(entry.getString("id"), type == null ? null : TimelineEntryType.valueOf(type),
                instant(entry.getDate("occurredAt")), entry.getString("actorId"), entry.getString("text"),
                entry.getString("callStatus"), entry.getInteger("durationSeconds"),
                instant(entry.getDate("scheduledAt")), instant(entry.getDate("resolvedAt")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> histories() {
        return mongo.getCollection(COLLECTION);
    }
}
