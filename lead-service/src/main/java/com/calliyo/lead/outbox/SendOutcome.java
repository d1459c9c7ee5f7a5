package com.calliyo.lead.outbox;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/** What became of one claimed document's sends: acknowledged, to park, or (from the first passing failure) kept. */
record SendOutcome(Document claimed, List<String> acknowledged, List<Document> parked, int pending) {

    /** The write that settles the document: pull what was acknowledged or parked, and park what can never be sent. */
    OutboxLeases.Settlement settlement() {
        List<String> removed = new ArrayList<>(acknowledged);
        parked.forEach(event -> removed.add(event.getString("id")));
        List<Bson> changes = new ArrayList<>();
        if (!removed.isEmpty()) {
            changes.add(pull(removed));
        }
        if (!parked.isEmpty()) {
            changes.add(Updates.pushEach(OutboxParking.PARKED, parked));
        }
        return new OutboxLeases.Settlement(claimed, changes);
    }

    static Bson pull(List<String> eventIds) {
        return Updates.pullByFilter(new Document(OutboxLeases.PENDING,
                new Document("id", new Document("$in", eventIds))));
    }
}
