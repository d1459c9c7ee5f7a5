package com.calliyo.lead.events;

import java.time.Instant;

/** What every event on {@code crm.company.events} carries, whatever its type; the record key is the companyId. */
public interface CompanyEvent {

    String companyId();

    Instant occurredAt();

    String actorId();
}
