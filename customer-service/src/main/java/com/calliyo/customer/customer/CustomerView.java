package com.calliyo.customer.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The Customers read model: one document per lead that has ever been converted, {@code _id} = leadId.
 * {@code version} is the last applied leadVersion; {@code customer} is false after an un-conversion (a tombstone,
 * so that a late, older {@code converted} cannot bring the customer back). {@code history} is keyed by entry id.
 */
@Document(CustomerView.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "company_customers_by_conversion",
                def = "{'companyId': 1, 'customer': 1, 'convertedAt': -1}"),
        // statuses_changed renames by status id; the mapping converter stores the nested status id as _id
        @CompoundIndex(name = "company_customers_by_status", def = "{'companyId': 1, 'status._id': 1}")})
record CustomerView(
        @Id String leadId,
        String companyId,
        long version,
        boolean customer,
        String firstName,
        String lastName,
        String phone,
        String email,
        List<String> tags,
        Status status,
        String assignedTo,
        String source,
        String campaign,
        Instant createdAt,
        Instant convertedAt,
        String convertedBy,
        Map<String, HistoryEntry> history) {

    static final String COLLECTION = "customers";

    record Status(String id, String name, String kind) {
    }

    record HistoryEntry(
            String id,
            String type,
            Instant occurredAt,
            String actorId,
            String text,
            String callStatus,
            Integer durationSeconds,
            Instant scheduledAt,
            Instant resolvedAt) {
    }
}
