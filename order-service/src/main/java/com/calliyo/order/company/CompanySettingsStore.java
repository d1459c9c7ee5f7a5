package com.calliyo.order.company;

import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.order.store.VersionedDocuments;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code company_settings} collection: one document per company ({@code _id} = companyId), re-stated from each
 * {@code settings_changed} event behind its {@code settingsVersion} (see {@link VersionedDocuments}).
 */
@Component
public class CompanySettingsStore {

    static final String COLLECTION = "company_settings";

    private final MongoCollection<Document> collection;
    private final VersionedDocuments versioned;

    CompanySettingsStore(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION);
        this.versioned = new VersionedDocuments(collection);
    }

    public CompanySettings find(String companyId) {
        Document doc = collection.find(new Document("_id", companyId)).first();
        if (doc == null) {
            return CompanySettings.unknown(companyId);
        }
        return new CompanySettings(companyId, doc.get(VersionedDocuments.VERSION, Number.class).longValue(),
                doc.getBoolean("orderModuleEnabled", true), doc.getString("gstin"));
    }

    /** Returns whether the event was newer than what is stored. */
    public boolean apply(CompanySettingsChanged event) {
        return versioned.applyIfNewer(event.companyId(), event.settingsVersion(), current -> new Document()
                .append("orderModuleEnabled", event.orderModuleEnabled())
                .append("gstin", event.gstin() == null || event.gstin().isBlank() ? null : event.gstin()));
    }
}
