package com.calliyo.lead.lead.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.calliyo.lead.lead.domain.AgentActivity;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@link AgentActivity} on the {@code leads} collection. Calls live inside their lead, so the query picks the leads
 * with a call by the user and reads only their calls; the period is then counted here (the embedded store has no
 * {@code $elemMatch} on dates that we rely on elsewhere). An un-conversion clears {@code convertedAt}, so a lead
 * counted as a conversion is a customer now.
 */
@Repository
class MongoAgentActivity implements AgentActivity {

    private final MongoTemplate mongo;

    MongoAgentActivity(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long callsStarted(String companyId, String userId, Instant from, Instant to) {
        long count = 0;
        for (Document lead : mongo.getCollection(MongoLeads.COLLECTION)
                .find(Filters.and(Filters.eq("companyId", companyId), Filters.eq("calls.loggedBy", userId)))
                .projection(Projections.include(MongoLeads.CALLS))) {
            for (Document call : lead.getList(MongoLeads.CALLS, Document.class, List.of())) {
                Date startedAt = call.getDate("startedAt");
                if (userId.equals(call.getString("loggedBy")) && startedAt != null
                        && !startedAt.toInstant().isBefore(from) && startedAt.toInstant().isBefore(to)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public long conversions(String companyId, String userId, Instant from, Instant to) {
        return mongo.getCollection(MongoLeads.COLLECTION).countDocuments(Filters.and(
                Filters.eq("companyId", companyId), Filters.eq("convertedBy", userId),
                Filters.gte("convertedAt", Date.from(from)), Filters.lt("convertedAt", Date.from(to))));
    }
}
