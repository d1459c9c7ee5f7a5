package com.calliyo.order.directory;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.StatusRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@link LeadDirectoryEntry}. Every lead event carries the lead's full snapshot, so every type
 * re-states the entry in one single-document upsert guarded by {@code _id = leadId AND NOT (version > leadVersion)}:
 * a duplicate (same version) re-sets the same values; an older event matches nothing, and its upsert meets the
 * newer document's {@code _id}, a duplicate key that is skipped. Replaying the topic rebuilds the same directory.
 */
@Component
public class LeadDirectoryProjection {

    private static final Logger log = LoggerFactory.getLogger(LeadDirectoryProjection.class);

    private final MongoTemplate mongo;

    public LeadDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void apply(LeadEvent event) {
        Query notNewer = Query.query(Criteria.where("_id").is(event.leadId())
                .and("version").not().gt(event.leadVersion()));
        try {
            mongo.upsert(notNewer, entry(event), LeadDirectoryEntry.COLLECTION);
        } catch (DuplicateKeyException stale) {
            log.debug("Skipping version {} of lead {}: a newer version is already applied",
                    event.leadVersion(), event.leadId());
        }
    }

    private static Update entry(LeadEvent event) {
        StatusRef status = event.lead().status();
        boolean customer = status != null && status.isCustomer();
        return new Update()
                .set("companyId", event.companyId())
                .set("version", event.leadVersion())
                .set("customer", customer)
                .set("convertedBy", customer ? event.lead().convertedBy() : null)
                .set("statusKind", status == null || status.kind() == null ? null : status.kind().name());
    }
}
