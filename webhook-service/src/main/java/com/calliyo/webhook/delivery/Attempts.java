package com.calliyo.webhook.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.calliyo.webhook.WebhookServiceProperties;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@code attempts} collection: every attempt of every delivery, kept {@code webhook.delivery.keep-for}. */
@Component
class Attempts {

    private final MongoCollection<Document> collection;
    private final WebhookServiceProperties.Delivery settings;

    Attempts(MongoTemplate mongo, WebhookServiceProperties properties) {
        this.collection = mongo.getCollection("attempts");
        this.settings = properties.delivery();
        collection.createIndex(Indexes.ascending("deliveryId", "at"));
        collection.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    void record(Delivery delivery, Attempt attempt) {
        collection.insertOne(new Document("deliveryId", delivery.id())
                .append("subscriptionId", delivery.subscriptionId())
                .append("companyId", delivery.companyId())
                .append("at", Date.from(attempt.at()))
                .append("statusCode", attempt.statusCode())
                .append("latencyMillis", attempt.latencyMillis())
                .append("response", attempt.response())
                .append("error", attempt.error())
                .append("outcome", attempt.outcome())
                .append("expiresAt", Date.from(attempt.at().plus(settings.keepFor()))));
    }

    /** The attempts of each delivery, oldest first. */
    Map<String, List<Attempt>> of(Collection<String> deliveryIds) {
        Map<String, List<Attempt>> found = new LinkedHashMap<>();
        collection.find(Filters.in("deliveryId", deliveryIds)).sort(Sorts.ascending("at")).forEach(doc ->
                found.computeIfAbsent(doc.getString("deliveryId"), id -> new ArrayList<>()).add(new Attempt(
                        doc.getString("deliveryId"), doc.getDate("at").toInstant(), doc.getInteger("statusCode"),
                        doc.get("latencyMillis", Number.class).longValue(), doc.getString("response"),
                        doc.getString("error"), doc.getString("outcome"))));
        return found;
    }
}
