package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.calliyo.lead.shared.OutboxEntry;
import com.calliyo.lead.status.LeadsInStatus;

/** The port through which use cases load and store leads; always within one company. */
public interface Leads extends LeadsInStatus {

    /** The lead, its status shown under the name the company's pipeline gives it now. */
    Optional<Lead> find(String companyId, String leadId);

    /** The id of the company's lead with this E.164 phone, if there is one. */
    Optional<String> findIdByPhone(String companyId, String phone);

    /** Which of these E.164 phones the company's leads already have. */
    Set<String> existingPhones(String companyId, Collection<String> phones);

    /**
     * Stores a new lead together with the events describing it, in one atomic write.
     *
     * @throws DuplicatePhoneException when the company already has a lead with this phone (even one stored a moment
     *                                 ago by a concurrent request: the store enforces it)
     */
    void insert(Lead lead, List<OutboxEntry> events);

    /**
     * Stores many new leads, each with its events in its own document (one atomic write per lead, never a
     * transaction). A lead whose phone the company already has is left out; returns how many were stored.
     */
    int insertAll(List<LeadWithEvents> leads);

    /**
     * Stores the lead's new state and appends its events in one atomic write, only if nobody else changed the lead
     * since {@code expectedVersion}; returns false on such a conflict.
     */
    boolean update(Lead lead, long expectedVersion, List<OutboxEntry> events);

    /** The company's leads with these ids (others and unknown ids left out), read in one query. */
    List<Lead> findAll(String companyId, Collection<String> leadIds);

    /** Every lead of the company that is not a customer, in one scan: what assignment jobs plan from. */
    List<LeadAssignmentView> assignmentViews(String companyId);

    /** How many leads the agent holds: assigned to them and not customers. */
    long countHeld(String companyId, String agentId);

    /** One page of the company's leads matching the filter, newest first, statuses named as in {@link #find}. */
    List<Lead> page(String companyId, LeadFilter filter, int page, int size);

    long count(String companyId, LeadFilter filter);

    /**
     * The leads assigned to {@code assignedTo} that are not customers, with their follow-ups but without their calls
     * and notes (a task queue; read-only: the leads answered are not meant to be stored back).
     */
    List<Lead> activeQueue(String companyId, String assignedTo);

    /** Ids of the company's leads with an open follow-up scheduled after {@code now}; one query. */
    Set<String> withOpenFollowUpAfter(String companyId, Instant now);
}
