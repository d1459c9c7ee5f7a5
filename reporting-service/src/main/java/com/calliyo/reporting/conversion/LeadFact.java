package com.calliyo.reporting.conversion;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.events.StatusKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The current facts about one lead, as of {@code version} (the last applied leadVersion). Reports are computed from
 * these facts, never from counters, so an un-conversion or a replay simply re-states them.
 * {@code convertedAt}/{@code convertedBy} (the credited agent) are set only while the lead is a customer.
 */
@Document(LeadFact.COLLECTION)
record LeadFact(
        @Id String leadId,
        @Indexed String companyId,
        long version,
        Instant capturedAt,
        String source,
        String campaign,
        List<String> tags,
        String statusId,
        String statusName,
        StatusKind statusKind,
        String assignedTo,
        Instant convertedAt,
        String convertedBy) {

    static final String COLLECTION = "lead_facts";
}
