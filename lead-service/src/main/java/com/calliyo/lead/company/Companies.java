package com.calliyo.lead.company;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code companies} collection, one document per tenant. */
@Repository
public class Companies {

    static final String COLLECTION = "companies";

    private final MongoTemplate mongo;

    Companies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Company> find(String companyId) {
        return Optional.ofNullable(mongo.findById(companyId, Company.class));
    }

    void insert(Company company) {
        mongo.insert(company);
    }

    /** Replaces the company only if nobody changed it since {@code expectedVersion}; false on such a conflict. */
    boolean replace(Company company, long expectedVersion) {
        Query current = Query.query(Criteria.where("_id").is(company.id()).and("version").is(expectedVersion));
        return mongo.findAndReplace(current, company) != null;
    }

    void delete(String companyId) {
        mongo.remove(Query.query(Criteria.where("_id").is(companyId)), Company.class);
    }
}
