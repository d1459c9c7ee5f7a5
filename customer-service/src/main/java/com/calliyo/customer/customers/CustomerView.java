package com.calliyo.customer.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * The Customers read model: one document per lead that has ever been converted or has orders, {@code _id} = leadId.
 * {@code version} is the last applied leadVersion (0 while only orders are known); {@code customer} is false after
 * an un-conversion (a tombstone, so that a late, older {@code converted} cannot bring the customer back) and while
 * only orders are known. {@code history} is keyed by entry id, {@code orders} by orderId. {@code ordersVersion} is
 * the sum of the held orders' orderVersions: it grows with every applied order change and, with {@code version},
 * is the compare-and-set key of every write (see {@link CustomerProjection}).
 * <p>
 * {@code status.name} is the name the last lead event carried; answers show the company's current name for the
 * status id ({@link CompanySettings#statusName}), so a rename never rewrites customer documents.
 */
@Document(CustomerView.COLLECTION)
@CompoundIndexes({
        // for real MongoDB; the embedded store scans company-scoped lists, which is acceptable for reads
        @CompoundIndex(name = "company_customers_by_conversion",
                def = "{'companyId': 1, 'customer': 1, 'convertedAt': -1}")})
record CustomerView(
        // always a string, even for an id that looks like an ObjectId: the projection reads it raw by _id
        @MongoId(FieldType.STRING) String leadId,
        String companyId,
        long version,
        long ordersVersion,
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
        Map<String, HistoryEntry> history,
        Map<String, OrderSummary> orders) {

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

    /** What the customer page shows of an order; {@code total} is the tax breakdown's total. */
    record OrderSummary(
            String orderId,
            long orderVersion,
            String plan,
            String currency,
            String amount,
            String total,
            String paymentStatus,
            String amountPaid,
            Instant createdAt) {
    }
}
