package com.calliyo.customer.company;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.UserChanged;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The companies customer-service has heard of ({@code companies}, {@code _id} = companyId), kept from
 * {@code crm.company.events}. Idempotency recipe: read by {@code _id}, keep an event unless a newer
 * {@code settingsVersion} / {@code pipelineVersion} is held ({@link CompanyChanges}), compare-and-set on the unique
 * index {@code (_id, settingsVersion, pipelineVersion)} and retry a lost race. The settings and the pipeline have
 * separate counters; the status names shown are those of whichever of the two happened last. Users are kept by
 * {@code userVersion} per user under {@code users.<userId>}; a company's events share one partition and are applied
 * one at a time, and the compare-and-set still catches a writer of the settings or pipeline in between.
 */
@Component
public class CompanySettingsStore {

    static final String COLLECTION = "companies";
    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;

    public CompanySettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
        companies().createIndex(Indexes.ascending("_id", "settingsVersion", "pipelineVersion"),
                new IndexOptions().unique(true).name("id_versions_cas"));
    }

    public void apply(CompanySettingsChanged event) {
        write(event.companyId(), held -> CompanyChanges.settings(held, event));
    }

    public void apply(CompanyStatusesChanged event) {
        write(event.companyId(), held -> CompanyChanges.pipeline(held, event));
    }

    public void apply(UserChanged event) {
        write(event.companyId(), held -> CompanyChanges.user(held, event));
    }

    /** The company's settings, or the defaults when none were received yet. */
    public CompanySettings find(String companyId) {
        Document doc = companies().find(new Document("_id", companyId)).first();
        if (doc == null) {
            return CompanySettings.defaults(companyId);
        }
        Date settingsAt = doc.getDate("settingsAt");
        Date pipelineAt = doc.getDate("pipelineAt");
        boolean settingsNewer = settingsAt != null && (pipelineAt == null || settingsAt.after(pipelineAt));
        List<Document> statuses = doc.getList(settingsNewer ? "settingsStatuses" : "pipelineStatuses",
                Document.class, List.of());
        Map<String, StatusRef> byId = new HashMap<>();
        for (Document status : statuses) {
            String kind = status.getString("kind");
            byId.putIfAbsent(status.getString("id"), new StatusRef(status.getString("id"), status.getString("name"),
                    kind == null ? null : StatusKind.valueOf(kind)));
        }
        Map<String, String> userNames = new HashMap<>();
        Document users = doc.get("users", Document.class);
        if (users != null) {
            users.forEach((userId, user) -> userNames.put(userId, ((Document) user).getString("name")));
        }
        return new CompanySettings(companyId, CompanySettings.zone(doc.getString("timezone")),
                CompanySettings.ShowCustomerTo.of(doc.getString("showCustomerTo")), byId, userNames);
    }

    private void write(String companyId, Function<CompanyChanges.Held, Optional<Document>> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            CompanyChanges.Held held = held(companyId);
            Optional<Document> change = decide.apply(held);
            if (change.isEmpty()) {
                return;
            }
            if (compareAndSet(companyId, held, change.get())) {
                return;
            }
        }
        throw new IllegalStateException("Company " + companyId + " kept changing under " + MAX_ATTEMPTS
                + " attempts");
    }

    private boolean compareAndSet(String companyId, CompanyChanges.Held held, Document set) {
        if (!held.exists()) {
            // an empty company first, so that every change is the same $set on an existing document
            try {
                companies().insertOne(new Document("_id", companyId).append("settingsVersion", 0L)
                        .append("pipelineVersion", 0L).append("users", new Document()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
        Document unchanged = new Document("_id", companyId) // plain filter: the embedded store never indexes $and
                .append("settingsVersion", held.settingsVersion())
                .append("pipelineVersion", held.pipelineVersion());
        return companies().updateOne(unchanged, new Document("$set", set)).getMatchedCount() == 1;
    }

    private CompanyChanges.Held held(String companyId) {
        Document doc = companies().find(new Document("_id", companyId))
                .projection(new Document("settingsVersion", 1).append("pipelineVersion", 1).append("users", 1))
                .first();
        if (doc == null) {
            return CompanyChanges.Held.NOTHING;
        }
        Map<String, Long> userVersions = new HashMap<>();
        Document users = doc.get("users", Document.class);
        if (users != null) {
            users.forEach((userId, user) -> userVersions.put(userId,
                    ((Number) ((Document) user).get("version")).longValue()));
        }
        return new CompanyChanges.Held(true, ((Number) doc.get("settingsVersion")).longValue(),
                ((Number) doc.get("pipelineVersion")).longValue(), userVersions);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private MongoCollection<Document> companies() {
        return mongo.getCollection(COLLECTION);
    }
}
