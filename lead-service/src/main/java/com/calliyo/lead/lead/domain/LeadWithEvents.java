package com.calliyo.lead.lead.domain;

import java.util.List;

import com.calliyo.lead.shared.OutboxEntry;

/** A new lead and the events that describe its capture, stored together in one document. */
public record LeadWithEvents(Lead lead, List<OutboxEntry> events) {

    public LeadWithEvents {
        events = List.copyOf(events);
    }
}
