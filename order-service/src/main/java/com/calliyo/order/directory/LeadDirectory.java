package com.calliyo.order.directory;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Answers "does this lead exist in this company?" from order-service's own copy, without calling lead-service.
 * A lead of another company is not found, exactly like a lead that does not exist. The lookup is by {@code _id}
 * alone (an index hit on every store) and the company is compared here.
 */
@Component
public class LeadDirectory {

    private final MongoTemplate mongo;

    LeadDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<LeadDirectoryEntry> find(String companyId, String leadId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(leadId)), LeadDirectoryEntry.class))
                .filter(entry -> companyId.equals(entry.companyId()));
    }
}
