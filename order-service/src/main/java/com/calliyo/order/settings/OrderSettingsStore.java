package com.calliyo.order.settings;

import java.math.BigDecimal;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code order_settings} collection: one document per company ({@code _id} = companyId) once an admin saved
 * its settings. The list is replaced whole, so the last save wins and no version is needed.
 */
@Component
public class OrderSettingsStore {

    private final MongoCollection<Document> settings;

    OrderSettingsStore(MongoTemplate mongo) {
        this.settings = mongo.getCollection("order_settings");
    }

    public OrderSettings find(String companyId) {
        Document doc = settings.find(new Document("_id", companyId)).first();
        if (doc == null) {
            return new OrderSettings(OrderSettings.DEFAULT_GST_RATES);
        }
        return new OrderSettings(doc.getList("gstRates", String.class).stream().map(BigDecimal::new).toList());
    }

    void save(String companyId, OrderSettings next, String actorId) {
        settings.replaceOne(new Document("_id", companyId), new Document("_id", companyId)
                        .append("gstRates", next.gstRateTexts())
                        .append("updatedBy", actorId)
                        .append("updatedAt", new Date()),
                new ReplaceOptions().upsert(true));
    }
}
