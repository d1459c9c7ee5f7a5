package com.calliyo.webhook.delivery;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.calliyo.webhook.delivery.domain.Attempt;
import org.bson.Document;

/**
 * A delivery's {@code attemptLog}: its attempts, oldest first, kept in the delivery itself (and so for as long as
 * it), written by the same update that records the attempt's outcome.
 */
final class AttemptLog {

    /** How many of a delivery's newest attempts the log keeps. */
    static final int LOGGED = 50;

    private AttemptLog() {
    }

    static Document toDocument(Attempt attempt) {
        return new Document("at", Date.from(attempt.at()))
                .append("statusCode", attempt.statusCode())
                .append("latencyMillis", attempt.latencyMillis())
                .append("response", attempt.response())
                .append("error", attempt.error())
                .append("outcome", attempt.outcome());
    }

    static List<Attempt> of(Document delivery) {
        List<Attempt> log = new ArrayList<>();
        for (Document doc : delivery.getList("attemptLog", Document.class, List.of())) {
            log.add(new Attempt(delivery.getString("_id"), doc.getDate("at").toInstant(), doc.getInteger("statusCode"),
                    doc.get("latencyMillis", Number.class).longValue(), doc.getString("response"),
                    doc.getString("error"), doc.getString("outcome")));
        }
        return log;
    }
}
