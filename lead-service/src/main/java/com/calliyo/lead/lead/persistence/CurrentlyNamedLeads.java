package com.calliyo.lead.lead.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.status.LeadStatus;
import com.calliyo.lead.status.StatusCatalog;
import com.mongodb.client.FindIterable;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Reads a list of lead documents with each status named as the company's pipeline names it now: a rename rewrites no
 * lead, so the stored name may be an old one. The pipeline is read once for the whole list, before the query runs,
 * never once per lead.
 */
final class CurrentlyNamedLeads {

    private final MongoConverter converter;
    private final StatusCatalog statuses;

    CurrentlyNamedLeads(MongoConverter converter, StatusCatalog statuses) {
        this.converter = converter;
        this.statuses = statuses;
    }

    List<Lead> read(String companyId, FindIterable<Document> query) {
        return read(companyId, query, doc -> true);
    }

    /** The leads of the documents {@code keep} accepts, in the query's order. */
    List<Lead> read(String companyId, FindIterable<Document> query, Predicate<Document> keep) {
        Map<String, LeadStatusRef> current = currentStatuses(companyId);
        List<Lead> found = new ArrayList<>();
        query.forEach(doc -> {
            if (keep.test(doc)) {
                Lead lead = converter.read(Lead.class, doc);
                lead.showStatusAs(current.get(lead.status().id()));
                found.add(lead);
            }
        });
        return found;
    }

    /** The company's statuses by id as the pipeline names them now. */
    private Map<String, LeadStatusRef> currentStatuses(String companyId) {
        return statuses.shownPipeline(companyId).stream()
                .collect(Collectors.toMap(LeadStatus::id, LeadStatus::toRef));
    }
}
