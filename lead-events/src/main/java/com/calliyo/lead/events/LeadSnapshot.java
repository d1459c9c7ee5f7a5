package com.calliyo.lead.events;

import java.time.Instant;
import java.util.List;

/**
 * The lead's whole current state, carried by every lead event so that consumers never call back
 * (event-carried state transfer). {@code source} and {@code campaign} are the attribution as captured and never
 * change. {@code convertedAt}/{@code convertedBy} are set while the lead is a customer.
 */
public record LeadSnapshot(
        String firstName,
        String lastName,
        String phone,
        String email,
        List<String> tags,
        StatusRef status,
        String assignedTo,
        String source,
        String campaign,
        Instant createdAt,
        Instant convertedAt,
        String convertedBy) {
}
