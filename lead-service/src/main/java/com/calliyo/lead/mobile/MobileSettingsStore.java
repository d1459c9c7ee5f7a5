package com.calliyo.lead.mobile;

import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code mobile_settings} collection, one small document per company ({@code _id} = companyId); a company that
 * never saved any has {@link MobileSettings#DEFAULTS}. Apart from the company document so that the attendance gate,
 * read on every agent request, stays one lookup by id.
 */
@Repository
public class MobileSettingsStore {

    private final MongoTemplate mongo;

    MobileSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public MobileSettings of(String companyId) {
        Document stored = settings().find(new Document("_id", companyId)).first();
        if (stored == null) {
            return MobileSettings.DEFAULTS;
        }
        return new MobileSettings(stored.getInteger("mpinLength", MobileSettings.DEFAULTS.mpinLength()),
                stored.getBoolean("requireAttendance", MobileSettings.DEFAULTS.requireAttendance()));
    }

    void save(String companyId, MobileSettings settings, String actorId, Instant now) {
        settings().updateOne(new Document("_id", companyId), Updates.combine(
                Updates.set("mpinLength", settings.mpinLength()),
                Updates.set("requireAttendance", settings.requireAttendance()),
                Updates.set("updatedBy", actorId), Updates.set("updatedAt", Date.from(now))),
                new UpdateOptions().upsert(true));
    }

    private MongoCollection<Document> settings() {
        return mongo.getCollection("mobile_settings");
    }
}
