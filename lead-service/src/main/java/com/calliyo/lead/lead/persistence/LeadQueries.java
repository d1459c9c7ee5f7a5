package com.calliyo.lead.lead.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.calliyo.lead.lead.domain.LeadFilter;
import com.calliyo.lead.shared.StatusKind;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

/** Turns a {@link LeadFilter} into a query; always scoped to the company first. */
final class LeadQueries {

    private LeadQueries() {
    }

    static Bson matching(String companyId, LeadFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq("companyId", companyId));
        if (filter.statusId() != null) {
            conditions.add(Filters.eq("status._id", filter.statusId()));
        } else if (!filter.includeCustomers()) {
            conditions.add(Filters.ne("status.kind", StatusKind.CUSTOMER.name()));
        }
        if (filter.tag() != null) {
            conditions.add(Filters.regex("tags", "^" + Pattern.quote(filter.tag()) + "$", "i"));
        }
        if (filter.assignedTo() != null) {
            conditions.add(Filters.eq("assignedTo", filter.assignedTo()));
        }
        if (filter.source() != null) {
            conditions.add(Filters.eq("source", filter.source()));
        }
        if (filter.campaign() != null) {
            conditions.add(Filters.eq("campaign", filter.campaign()));
        }
        if (filter.text() != null) {
            // Substring search without $text (the embedded store has none); fine for a company's lead list.
            String contains = Pattern.quote(filter.text());
            conditions.add(Filters.or(Filters.regex("firstName", contains, "i"),
                    Filters.regex("lastName", contains, "i"), Filters.regex("email", contains, "i"),
                    Filters.regex("phone", Pattern.quote(filter.text().replaceAll("[\\s-]", "")))));
        }
        return Filters.and(conditions);
    }
}
