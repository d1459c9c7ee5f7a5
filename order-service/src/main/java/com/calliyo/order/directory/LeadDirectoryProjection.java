package com.calliyo.order.directory;

import java.util.List;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.order.store.NewestPerId;
import com.calliyo.order.store.VersionedDocuments;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@link LeadDirectoryEntry}. Every lead event carries the lead's full snapshot, so every type
 * re-states the entry, guarded by the lead's version: read by {@code _id}, skip unless the event is newer, then
 * insert or compare-and-set on the unique ({@code _id}, {@code version}) index (see {@link VersionedDocuments}).
 * No write conditions on a range, so no event costs a collection scan on the embedded store. Duplicates and older
 * events change nothing; replaying the topic rebuilds the same directory. A poll's events are applied together
 * ({@link #applyAll}): only each lead's newest event can change its entry, so one read and one bulk write serve them.
 */
@Component
public class LeadDirectoryProjection {

    private static final Logger log = LoggerFactory.getLogger(LeadDirectoryProjection.class);

    private final VersionedDocuments entries;

    public LeadDirectoryProjection(MongoTemplate mongo) {
        this.entries = new VersionedDocuments(mongo.getCollection(LeadDirectoryEntry.COLLECTION));
    }

    public void apply(LeadEvent event) {
        if (!entries.applyIfNewer(event.leadId(), event.leadVersion(), current -> entry(event))) {
            log.debug("Skipping version {} of lead {}: it is already applied or older",
                    event.leadVersion(), event.leadId());
        }
    }

    /** The same end state as {@link #apply} of each event in order, with one read and one bulk write. */
    public void applyAll(List<LeadEvent> events) {
        List<VersionedDocuments.Versioned> newest = NewestPerId.of(events, LeadEvent::leadId, LeadEvent::leadVersion)
                .stream()
                .map(event -> new VersionedDocuments.Versioned(event.leadId(), event.leadVersion(), entry(event)))
                .toList();
        int written = entries.applyAllIfNewer(newest);
        log.debug("{} lead events: {} directory entries written", events.size(), written);
    }

    private static Document entry(LeadEvent event) {
        StatusRef status = event.lead().status();
        boolean customer = status != null && status.isCustomer();
        return new Document()
                .append("companyId", event.companyId())
                .append("customer", customer)
                .append("convertedBy", customer ? event.lead().convertedBy() : null)
                .append("statusKind", status == null || status.kind() == null ? null : status.kind().name())
                .append("assignedTo", event.lead().assignedTo());
    }
}
