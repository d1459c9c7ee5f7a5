package com.calliyo.lead.lead.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Ids of calls, follow-ups and notes. A follow-up id is {@code <leadId>_<random>}: the follow-up lives inside its lead
 * document, and the embedded store finds a document without scanning only by an exact unique key, so the id itself
 * carries the lead's {@code _id} (lead ids are UUIDs and never contain an underscore). Not a dot: consumers key
 * documents by entry id (customer-service's history), and a dot in a MongoDB field name means nesting.
 */
public final class ActivityIds {

    private static final char SEPARATOR = '_';

    private ActivityIds() {
    }

    static String random() {
        return UUID.randomUUID().toString();
    }

    static String followUp(String leadId) {
        return leadId + SEPARATOR + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The lead a follow-up id belongs to, or empty when the id is not shaped like one. */
    public static Optional<String> leadOfFollowUp(String followUpId) {
        int at = followUpId == null ? -1 : followUpId.lastIndexOf(SEPARATOR);
        return at > 0 && at < followUpId.length() - 1 ? Optional.of(followUpId.substring(0, at)) : Optional.empty();
    }
}
