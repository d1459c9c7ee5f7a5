package com.calliyo.webhook.events;

import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The last lead snapshot seen per lead ({@code lead_states}), so that {@code lead.updated} can say which fields
 * changed and what they were: lead events carry only the state after the change. The snapshot before the newest
 * version is kept too, so a redelivered event (same {@code leadVersion}) finds the same previous values. Events of one
 * lead arrive in order on one partition, one at a time, so a plain version guard is enough.
 */
@Component
class LeadStates {

    private final MongoCollection<Document> states;

    LeadStates(MongoTemplate mongo) {
        this.states = mongo.getCollection("lead_states");
        // the version guard below names exactly these fields: found by index on the embedded store too
        states.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version_cas"));
    }

    /**
     * Records {@code lead} as version {@code version} of the lead and answers the lead as it was before that version;
     * null when unknown (the lead was first seen at this version, or the event is older than what is held).
     */
    Map<String, Object> previous(String companyId, String leadId, long version, Map<String, Object> lead) {
        Document held = states.find(Filters.eq("_id", leadId)).first();
        if (held == null) {
            try {
                states.insertOne(new Document("_id", leadId).append("companyId", companyId)
                        .append("version", version).append("lead", new Document(lead)));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return null;
        }
        long heldVersion = held.get("version", Number.class).longValue();
        if (version == heldVersion) {
            return held.get("prior", Document.class);
        }
        if (version < heldVersion) {
            return null;
        }
        Document before = held.get("lead", Document.class);
        states.updateOne(Filters.and(Filters.eq("_id", leadId), Filters.eq("version", heldVersion)),
                Updates.combine(Updates.set("version", version), Updates.set("lead", new Document(lead)),
                        Updates.set("prior", before)));
        return before;
    }
}
