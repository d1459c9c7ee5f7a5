package com.calliyo.lead.lead.domain;

import java.util.List;
import java.util.Optional;

/** The port through which use cases load and store leads; always within one company. */
public interface Leads {

    /** The lead, its status shown under the name the company's pipeline gives it now. */
    Optional<Lead> find(String companyId, String leadId);

    /** How many leads of the company are on the status (whatever name they last stored for it). */
    long countInStatus(String companyId, String statusId);

    /** Stores a new lead together with the events describing it, in one atomic write. */
    void insert(Lead lead, List<OutboxEntry> events);

    /**
     * Stores the lead's new state and appends its events in one atomic write, only if nobody else changed the lead
     * since {@code expectedVersion}; returns false on such a conflict.
     */
    boolean update(Lead lead, long expectedVersion, List<OutboxEntry> events);

    /** One page of the company's leads matching the filter, newest first. */
    List<Lead> page(String companyId, LeadFilter filter, int page, int size);

    long count(String companyId, LeadFilter filter);
}
