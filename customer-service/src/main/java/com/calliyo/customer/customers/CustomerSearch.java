package com.calliyo.customer.customers;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.calliyo.customer.customers.domain.CustomerFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads of the Customers view. A single customer is read by {@code _id} and checked in Java (company, still a
 * customer); lists are company-scoped queries, newest conversion first, which the embedded store answers by a scan
 * (acceptable for reads; real MongoDB uses {@code company_customers_by_conversion}).
 */
@Component
class CustomerSearch {

    private static final String[] TEXT_FIELDS = {"firstName", "lastName", "phone", "email"};

    private final MongoTemplate mongo;

    CustomerSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CustomerView> find(String companyId, String leadId) {
        return Optional.ofNullable(mongo.findById(leadId, CustomerView.class))
                .filter(view -> view.customer() && companyId.equals(view.companyId()));
    }

    /**
     * One page of the company's customers matching the filter; {@code onlyAgent}, when present, is the visibility
     * restriction on the credited agent, which an {@code agentId} filter can only narrow further.
     */
    Page<CustomerView> search(String companyId, CustomerFilter filter, ZoneId zone, Optional<String> onlyAgent,
                              int page, int size) {
        PageRequest pageable = PageRequest.of(page, size);
        Optional<String> agent = filter.agent();
        if (onlyAgent.isPresent() && agent.isPresent() && !onlyAgent.equals(agent)) {
            return Page.empty(pageable); // asking for another agent's customers while only one's own are visible
        }
        Criteria criteria = Criteria.where("companyId").is(companyId).and("customer").is(true);
        Optional<String> credited = onlyAgent.or(() -> agent);
        credited.ifPresent(userId -> criteria.and("convertedBy").is(userId));
        Optional<Instant> from = filter.fromInstant(zone);
        Optional<Instant> to = filter.toExclusive(zone);
        if (from.isPresent() || to.isPresent()) {
            Criteria convertedAt = criteria.and("convertedAt");
            from.ifPresent(convertedAt::gte);
            to.ifPresent(convertedAt::lt);
        }
        List<Criteria> words = new ArrayList<>();
        for (String word : filter.words()) {
            Pattern anywhere = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE);
            List<Criteria> anyField = new ArrayList<>();
            for (String field : TEXT_FIELDS) {
                anyField.add(Criteria.where(field).regex(anywhere));
            }
            words.add(new Criteria().orOperator(anyField));
        }
        if (!words.isEmpty()) {
            criteria.andOperator(words);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, CustomerView.class);
        List<CustomerView> items = mongo.find(query.with(pageable)
                        .with(Sort.by(Sort.Order.desc("convertedAt"), Sort.Order.asc("_id"))),
                CustomerView.class);
        return new PageImpl<>(items, pageable, total);
    }
}
