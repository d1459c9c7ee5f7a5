package com.calliyo.lead.activity;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import com.calliyo.lead.assignment.OpenFollowUps;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The leads a daily job must leave alone because somebody promised to call back later (spec A6, §3.7): an open
 * follow-up (no {@code resolvedAt}) scheduled after now. One query per run over the lead documents, which hold their
 * follow-ups.
 */
@Component
class MongoOpenFollowUps implements OpenFollowUps {

    private final MongoTemplate mongo;

    MongoOpenFollowUps(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Set<String> leadsWithOpenFutureFollowUp(String companyId, Instant now) {
        Set<String> leadIds = new HashSet<>();
        mongo.getCollection("leads")
                .find(Filters.and(Filters.eq("companyId", companyId), Filters.elemMatch("followUps",
                        Filters.and(Filters.eq("resolvedAt", null), Filters.gt("scheduledAt", Date.from(now))))))
                .projection(Projections.include("_id"))
                .forEach(doc -> leadIds.add(doc.getString("_id")));
        return leadIds;
    }
}
