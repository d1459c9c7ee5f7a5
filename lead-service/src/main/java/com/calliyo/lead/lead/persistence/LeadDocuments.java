package com.calliyo.lead.lead.persistence;

import java.util.List;

import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.outbox.OutboxDocuments;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.shared.OutboxEntry;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import static com.calliyo.lead.lead.persistence.MongoLeads.ACTIVITY_FIELDS;
import static com.calliyo.lead.lead.persistence.MongoLeads.COMPANY_PHONE;
import static com.calliyo.lead.lead.persistence.MongoLeads.PENDING_EVENTS;

/** The stored shape of a lead: its mapped fields, {@code companyPhone}, and on insert its outbox fields. */
final class LeadDocuments {

    private final MongoConverter converter;

    LeadDocuments(MongoConverter converter) {
        this.converter = converter;
    }

    /** A new lead's document with its first events pending and the relay's claim counter at 0. */
    Document withEvents(Lead lead, List<OutboxEntry> events) {
        Document doc = of(lead);
        doc.put(PENDING_EVENTS, pendingEvents(events));
        doc.put(OutboxStream.CLAIMS_FIELD, 0L);
        return doc;
    }

    Document of(Lead lead) {
        Document doc = new Document();
        converter.write(lead, doc);
        doc.remove("_class");
        doc.put(COMPANY_PHONE, companyPhone(lead.companyId(), lead.phone()));
        return doc;
    }

    /**
     * The fields the change set to null (an unassigned lead's {@code assignedTo}, an un-converted lead's
     * {@code convertedAt}), to be {@code $unset}: the converter leaves them out of the written state, so a
     * {@code $set} alone would keep their old values. The activity lists are null when they were not loaded (a lead
     * read from a list page), never because they were emptied, so they are left alone.
     */
    Document clearedFields(Document state) {
        Document cleared = new Document();
        converter.getMappingContext().getRequiredPersistentEntity(Lead.class).forEach(property -> {
            if (!property.isIdProperty() && !state.containsKey(property.getFieldName())
                    && !ACTIVITY_FIELDS.contains(property.getFieldName())) {
                cleared.append(property.getFieldName(), "");
            }
        });
        return cleared;
    }

    static List<Document> pendingEvents(List<OutboxEntry> events) {
        return events.stream().map(OutboxDocuments::of).toList();
    }

    static String companyPhone(String companyId, String phone) {
        return companyId + "|" + phone;
    }
}
