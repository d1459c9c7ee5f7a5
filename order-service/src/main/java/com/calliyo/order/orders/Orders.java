package com.calliyo.order.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.gst.domain.Tax;
import com.calliyo.order.outbox.OutboxEvent;
import com.calliyo.order.outbox.OrderOutbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code orders} collection, one document per order, which also holds the order's outbox: the events of a
 * change are written in the same single-document write as the change ({@code pendingEvents}), so an accepted order
 * is never lost even when Kafka is down; {@link OrderOutbox} publishes and removes them. Writes address a document
 * by exact unique keys only: insert by {@code _id}, compare-and-set on ({@code _id}, {@code version}).
 */
@Component
public class Orders {

    static final String COLLECTION = "orders";

    private final MongoCollection<Document> orders;

    Orders(MongoTemplate mongo) {
        this.orders = mongo.getCollection(COLLECTION);
        orders.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("_id_version_cas"));
        orders.createIndex(Indexes.ascending("companyId", "leadId")); // lists, on a real MongoDB
    }

    void insert(Order order, List<OutboxEvent> events) {
        orders.insertOne(toDocument(order).append(OrderOutbox.PENDING, OrderOutbox.toDocuments(events))
                .append(OrderOutbox.CLAIMS, 0L));
    }

    /** Writes {@code next} over the version it was derived from; false when that version is no longer there. */
    boolean compareAndSet(Order next, long expectedVersion, List<OutboxEvent> events) {
        Document fields = toDocument(next);
        fields.remove("_id");
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(Updates.set(name, value)));
        updates.add(Updates.pushEach(OrderOutbox.PENDING, OrderOutbox.toDocuments(events)));
        return orders.updateOne(new Document("_id", next.id()).append("version", expectedVersion),
                Updates.combine(updates)).getMatchedCount() == 1;
    }

    /** The order if it belongs to this company: a foreign order is not found, like one that does not exist. */
    Optional<Order> find(String companyId, String orderId) {
        return Optional.ofNullable(orders.find(new Document("_id", orderId)).first())
                .map(Orders::toOrder)
                .filter(order -> order.companyId().equals(companyId));
    }

    /** Newest first; {@code leadId} null for all of the company's orders. Scans on the embedded store (a list). */
    List<Order> list(String companyId, String leadId) {
        Document filter = new Document("companyId", companyId);
        if (leadId != null) {
            filter.append("leadId", leadId);
        }
        List<Order> found = new ArrayList<>();
        orders.find(filter).sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))
                .forEach(doc -> found.add(toOrder(doc)));
        return found;
    }

    private static Document toDocument(Order order) {
        Tax tax = order.tax();
        return new Document("_id", order.id())
                .append("companyId", order.companyId())
                .append("leadId", order.leadId())
                .append("plan", order.plan())
                .append("amount", order.amount())
                .append("amountIncludesTax", order.amountIncludesTax())
                .append("paymentStatus", order.paymentStatus().name())
                .append("amountPaid", order.amountPaid())
                .append("tax", new Document("taxableValue", tax.taxableValue())
                        .append("cgst", tax.cgst())
                        .append("sgst", tax.sgst())
                        .append("igst", tax.igst())
                        .append("total", tax.total())
                        .append("rate", tax.rateText())
                        .append("placeOfSupply", tax.placeOfSupply()))
                .append("customerGstin", order.customerGstin())
                .append("createdAt", Date.from(order.createdAt()))
                .append("createdBy", order.createdBy())
                .append("updatedAt", Date.from(order.updatedAt()))
                .append("version", order.version());
    }

    private static Order toOrder(Document doc) {
        Document tax = doc.get("tax", Document.class);
        Number paid = doc.get("amountPaid", Number.class);
        return new Order(doc.getString("_id"), doc.getString("companyId"), doc.getString("leadId"),
                doc.getString("plan"), doc.get("amount", Number.class).longValue(),
                doc.getBoolean("amountIncludesTax", false), PaymentStatus.valueOf(doc.getString("paymentStatus")),
                paid == null ? null : paid.longValue(),
                new Tax(paise(tax, "taxableValue"), paise(tax, "cgst"), paise(tax, "sgst"), paise(tax, "igst"),
                        paise(tax, "total"), new BigDecimal(tax.getString("rate")), tax.getString("placeOfSupply")),
                doc.getString("customerGstin"), doc.getDate("createdAt").toInstant(), doc.getString("createdBy"),
                doc.getDate("updatedAt").toInstant(), doc.get("version", Number.class).longValue());
    }

    private static long paise(Document doc, String field) {
        return doc.get(field, Number.class).longValue();
    }
}
