package com.calliyo.reporting.conversion;

import java.util.List;

import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadSnapshot;
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
 * The only writer of {@link LeadFact}: facts, not counters, so it is replay-safe. Every lead event carries the
 * lead's full snapshot, so every type re-states the whole fact in one single-document upsert guarded by
 * {@code _id = leadId AND NOT (version > leadVersion)}. A duplicate (same version) re-sets the same values; an older
 * event matches nothing, and its upsert meets the newer document's {@code _id}, a duplicate key that is skipped.
 * Un-conversion needs no special case: the snapshot no longer says CUSTOMER, so the lead leaves the conversions.
 */
@Component
public class LeadFactProjection {

    private static final Logger log = LoggerFactory.getLogger(LeadFactProjection.class);

    private final MongoTemplate mongo;

    public LeadFactProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void apply(LeadEvent event) {
        Query notNewer = Query.query(Criteria.where("_id").is(event.leadId())
                .and("version").not().gt(event.leadVersion()));
        try {
            mongo.upsert(notNewer, facts(event), LeadFact.COLLECTION);
        } catch (DuplicateKeyException stale) {
            log.debug("Skipping version {} of lead {}: a newer version is already applied",
                    event.leadVersion(), event.leadId());
        }
    }

    private static Update facts(LeadEvent event) {
        LeadSnapshot lead = event.lead();
        StatusRef status = lead.status();
        boolean customer = status != null && status.isCustomer();
        return new Update()
                .set("companyId", event.companyId())
                .set("version", event.leadVersion())
                .set("capturedAt", lead.createdAt())
                .set("source", lead.source())
                .set("campaign", lead.campaign())
                .set("tags", lead.tags() == null ? List.of() : lead.tags())
                .set("statusId", status == null ? null : status.id())
                .set("statusName", status == null ? null : status.name())
                .set("statusKind", status == null || status.kind() == null ? null : status.kind().name())
                .set("assignedTo", lead.assignedTo())
                .set("convertedAt", customer ? lead.convertedAt() : null)
                .set("convertedBy", customer ? lead.convertedBy() : null);
    }
}
