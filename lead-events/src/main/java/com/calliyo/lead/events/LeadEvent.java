package com.calliyo.lead.events;

import java.time.Instant;

/** What every event on {@code crm.lead.events} carries, whatever its type. */
public interface LeadEvent {

    String companyId();

    String leadId();

    long leadVersion();

    Instant occurredAt();

    String actorId();

    LeadSnapshot lead();
}
