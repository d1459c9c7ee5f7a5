package com.calliyo.lead.shared;

import java.time.Instant;

/**
 * An event waiting in the lead document to be published: its CloudEvents id and type, when it happened and its
 * JSON data, ready to send as is.
 */
public record OutboxEntry(String id, String type, Instant occurredAt, String payload) {
}
