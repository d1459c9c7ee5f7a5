package com.calliyo.webhook.delivery;

import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.delivery.domain.DeliveryStatus;
import org.bson.Document;

/** A {@code deliveries} document read back as a {@link Delivery}. */
final class DeliveryDocument {

    private DeliveryDocument() {
    }

    static Delivery toDelivery(Document doc) {
        return new Delivery(doc.getString("_id"), doc.getString("subscriptionId"), doc.getString("companyId"),
                doc.getString("eventId"), doc.getString("type"), doc.getString("orderKey"),
                doc.get("seq", Number.class).longValue(), doc.getString("body"), doc.getDate("occurredAt").toInstant(),
                doc.getDate("createdAt").toInstant(), DeliveryStatus.valueOf(doc.getString("status")),
                doc.getInteger("attempts", 0), doc.getDate("nextAttemptAt").toInstant(),
                doc.getInteger("lastStatusCode"));
    }
}
