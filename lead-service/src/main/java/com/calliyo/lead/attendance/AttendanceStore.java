package com.calliyo.lead.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.outbox.OutboxDocuments;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.shared.OutboxEntry;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code attendance} collection: one document per check-in, which is also the outbox of its
 * {@code attendance_changed} events ({@link #STREAM}). One open attendance per agent is a unique index on
 * {@code openKey}: {@code companyId:userId} while open, the document's own id once closed (the embedded store has no
 * partial indexes). Closing is a compare-and-set on {@code state: OPEN}, so of two instances closing the same
 * attendance (the 23:59 sweep, or a sweep and the agent) exactly one does, and only its event is queued.
 */
@Repository
class AttendanceStore {

    private static final OutboxStream STREAM = OutboxStream.ATTENDANCE;
    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";
    private static final String PENDING_EVENTS = "pendingEvents";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    AttendanceStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        attendance().createIndex(Indexes.ascending("openKey"), new IndexOptions().unique(true).name("one_open"));
        attendance().createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("id_state"));
        attendance().createIndex(Indexes.ascending("state", "autoCheckOutAt"), new IndexOptions().name("sweep"));
        attendance().createIndex(Indexes.ascending("companyId", "day"), new IndexOptions().name("company_day"));
    }

    static String openKey(String companyId, String userId) {
        return companyId + ":" + userId;
    }

    /** Stores a new open attendance with its check-in event; false when the agent already has one open. */
    boolean insert(Attendance attendance, OutboxEntry event) {
        Document doc = write(attendance).append("state", OPEN)
                .append("openKey", openKey(attendance.companyId(), attendance.userId()))
                .append(PENDING_EVENTS, List.of(OutboxDocuments.of(event))).append(OutboxStream.CLAIMS_FIELD, 0L);
        try {
            attendance().insertOne(doc);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        relay.wake(STREAM, List.of(attendance.id()));
        return true;
    }

    /** Closes the attendance if it is still open, queueing its check-out event in the same write. */
    boolean close(Attendance closed, OutboxEntry event) {
        boolean done = attendance().updateOne(new Document("_id", closed.id()).append("state", OPEN),
                Updates.combine(Updates.set("state", CLOSED), Updates.set("openKey", closed.id()),
                        Updates.set("checkOutAt", Date.from(closed.checkOutAt())),
                        Updates.set("checkOutType", closed.checkOutType()), Updates.set("version", closed.version()),
                        Updates.push(PENDING_EVENTS, OutboxDocuments.of(event)))).getMatchedCount() == 1;
        if (done) {
            relay.wake(STREAM, List.of(closed.id()));
        }
        return done;
    }

    Optional<Attendance> openOf(String companyId, String userId) {
        return Optional.ofNullable(attendance().find(new Document("openKey", openKey(companyId, userId))).first())
                .map(AttendanceStore::read);
    }

    /** Open attendances whose automatic check-out time has come, oldest first, at most {@code limit}. */
    List<Attendance> dueForAutoCheckOut(Instant now, int limit) {
        List<Attendance> due = new ArrayList<>();
        attendance().find(Filters.and(Filters.eq("state", OPEN), Filters.lte("autoCheckOutAt", Date.from(now))))
                .sort(Sorts.ascending("autoCheckOutAt")).limit(limit).forEach(doc -> due.add(read(doc)));
        return due;
    }

    /** The company's attendances whose day is in [from, to] (ISO dates compare as strings), optionally one user's. */
    List<Attendance> between(String companyId, String from, String to, String userId) {
        List<Attendance> found = new ArrayList<>();
        Document query = new Document("companyId", companyId)
                .append("day", new Document("$gte", from).append("$lte", to));
        if (userId != null) {
            query.append("userId", userId);
        }
        attendance().find(query).sort(Sorts.ascending("checkInAt")).forEach(doc -> found.add(read(doc)));
        return found;
    }

    private Document write(Attendance attendance) {
        Document doc = new Document("_id", attendance.id()).append("companyId", attendance.companyId())
                .append("userId", attendance.userId()).append("branch", attendance.branch())
                .append("day", attendance.day()).append("timezone", attendance.timezone())
                .append("checkInAt", Date.from(attendance.checkInAt()))
                .append("autoCheckOutAt", Date.from(attendance.autoCheckOutAt()))
                .append("version", attendance.version());
        if (attendance.checkInLocation() != null) {
            Attendance.Location at = attendance.checkInLocation();
            doc.append("checkInLocation", new Document("lat", at.lat()).append("lon", at.lon())
                    .append("accuracyMetres", at.accuracyMetres()));
        }
        return doc;
    }

    private static Attendance read(Document doc) {
        Document at = doc.get("checkInLocation", Document.class);
        Date checkOutAt = doc.getDate("checkOutAt");
        return new Attendance(doc.getString("_id"), doc.getString("companyId"), doc.getString("userId"),
                doc.getString("branch"), doc.getString("day"), doc.getString("timezone"),
                doc.getDate("checkInAt").toInstant(),
                at == null ? null : new Attendance.Location(number(at, "lat"), number(at, "lon"),
                        at.get("accuracyMetres") == null ? null : number(at, "accuracyMetres")),
                doc.getDate("autoCheckOutAt").toInstant(), checkOutAt == null ? null : checkOutAt.toInstant(),
                doc.getString("checkOutType"), ((Number) doc.get("version")).longValue());
    }

    private static double number(Document doc, String field) {
        return ((Number) doc.get(field)).doubleValue();
    }

    private MongoCollection<Document> attendance() {
        return mongo.getCollection(STREAM.collection());
    }
}
