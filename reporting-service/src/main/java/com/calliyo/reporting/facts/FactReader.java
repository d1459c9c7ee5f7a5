package com.calliyo.reporting.facts;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.order.events.PaymentStatus;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one company's facts for the reports: all of them ({@code {companyId}}), or those stamped after a write count
 * ({@link FactSnapshots}); both are answered from the {@code {companyId, generation}} index. The reports are then
 * computed in Java, so they need no aggregation feature at all and answer the same on MongoDB and on the embedded
 * store.
 */
@Component
public class FactReader {

    /**
     * A company's whole collection in batches. The embedded store otherwise answers a {@code find} in one reply, and
     * past about 150k leads that reply outgrows the 48 MB the driver accepts, so every report failed.
     */
    private FindIterable<Document> scan(String collection, Document filter) {
        return collection(collection).find(filter).batchSize(SCAN_BATCH);
    }

    static final int SCAN_BATCH = 5_000;

    private final MongoTemplate mongo;

    public FactReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<LeadFact> leads(String companyId) {
        return leads(companyId, new Document("companyId", companyId));
    }

    public List<OrderFact> orders(String companyId) {
        return orders(companyId, new Document("companyId", companyId));
    }

    public List<CallFact> calls(String companyId) {
        return calls(companyId, new Document("companyId", companyId));
    }

    /** The company's lead, order and call facts. */
    FactSnapshot.FactChanges facts(String companyId) {
        return new FactSnapshot.FactChanges(leads(companyId), orders(companyId), calls(companyId));
    }

    /** The company's facts stored by writes after write count {@code stamp}. */
    FactSnapshot.FactChanges stampedAfter(String companyId, long stamp) {
        // a plain filter document, so the embedded store answers it from the {companyId, generation} index
        Document filter = new Document("companyId", companyId)
                .append(FactGenerations.STAMP, new Document("$gt", stamp));
        return new FactSnapshot.FactChanges(leads(companyId, filter), orders(companyId, filter),
                calls(companyId, filter));
    }

    private List<LeadFact> leads(String companyId, Document filter) {
        List<LeadFact> facts = new ArrayList<>();
        SharedValues shared = new SharedValues();
        for (Document d : scan(FactCollections.LEADS, filter)) {
            String kind = d.getString("statusKind");
            facts.add(new LeadFact(d.getString("_id"), companyId, number(d, "version"), instant(d, "capturedAt"),
                    shared.of(d.getString("source")), shared.of(d.getString("campaign")),
                    shared.of(d.getList("tags", String.class)), shared.of(d.getString("statusId")),
                    shared.of(d.getString("statusName")), kind == null ? null : StatusKind.valueOf(kind),
                    shared.of(d.getString("assignedTo")), instant(d, "convertedAt"),
                    shared.of(d.getString("convertedBy"))));
        }
        return facts;
    }

    private List<OrderFact> orders(String companyId, Document filter) {
        List<OrderFact> facts = new ArrayList<>();
        SharedValues shared = new SharedValues();
        for (Document d : scan(FactCollections.ORDERS, filter)) {
            String status = d.getString("paymentStatus");
            facts.add(new OrderFact(d.getString("_id"), companyId, d.getString("leadId"), number(d, "version"),
                    shared.of(d.getString("plan")),
                    status == null ? PaymentStatus.PENDING : PaymentStatus.valueOf(status),
                    decimal(d, "taxableValue"), decimal(d, "tax"), instant(d, "createdAt")));
        }
        return facts;
    }

    private List<CallFact> calls(String companyId, Document filter) {
        List<CallFact> facts = new ArrayList<>();
        SharedValues shared = new SharedValues();
        for (Document d : scan(FactCollections.CALLS, filter)) {
            facts.add(new CallFact(d.getString("_id"), companyId, d.getString("leadId"),
                    shared.of(d.getString("actorId")), instant(d, "occurredAt"), shared.of(d.getString("callStatus")),
                    (int) number(d, "durationSeconds")));
        }
        return facts;
    }

    public CompanyFacts company(String companyId) {
        Document settings = collection(FactCollections.COMPANY_SETTINGS).find(new Document("_id", companyId)).first();
        Document pipeline = collection(FactCollections.COMPANY_PIPELINES).find(new Document("_id", companyId)).first();
        ZoneId zone = CompanyFacts.DEFAULT_TIMEZONE;
        List<StatusRef> statuses = List.of();
        if (settings != null) {
            zone = zone(settings.getString("timezone"));
            statuses = statuses(settings);
        }
        // statuses_changed is the pipeline's own event; settings only repeat it, so the pipeline wins when present
        if (pipeline != null) {
            statuses = statuses(pipeline);
        }
        return new CompanyFacts(companyId, zone, callTargets(companyId), statuses, userNames(companyId));
    }

    private CallTargets callTargets(String companyId) {
        List<CallTargets.Change> changes = new ArrayList<>();
        for (Document d : collection(FactCollections.COMPANY_CALL_TARGETS).find(new Document("companyId", companyId))) {
            Object target = d.get("dailyCallTarget");
            changes.add(new CallTargets.Change(instant(d, "effectiveAt"), number(d, "settingsVersion"),
                    target instanceof Number n ? n.intValue() : null));
        }
        return new CallTargets(changes);
    }

    private Map<String, String> userNames(String companyId) {
        Map<String, String> names = new HashMap<>();
        for (Document d : collection(FactCollections.USERS).find(new Document("companyId", companyId))) {
            if (d.getString("name") != null && d.getString("userId") != null) {
                names.put(d.getString("userId"), d.getString("name"));
            }
        }
        return names;
    }

    private static List<StatusRef> statuses(Document holder) {
        List<Document> statuses = holder.getList("statuses", Document.class);
        if (statuses == null) {
            return List.of();
        }
        return statuses.stream()
                .map(s -> new StatusRef(s.getString("id"), s.getString("name"),
                        s.getString("kind") == null ? null : StatusKind.valueOf(s.getString("kind"))))
                .toList();
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null) {
            return CompanyFacts.DEFAULT_TIMEZONE;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return CompanyFacts.DEFAULT_TIMEZONE;
        }
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static BigDecimal decimal(Document d, String field) {
        Object value = d.get(field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }
}
