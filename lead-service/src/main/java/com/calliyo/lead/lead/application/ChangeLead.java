package com.calliyo.lead.lead.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.LeadEdit;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.events.LeadEventMapper;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.tag.TagCatalog;
import org.springframework.stereotype.Service;

/**
 * Edits a lead's fields by the capture rules ({@link LeadEditRules}) and/or moves it to another status (which
 * converts or un-converts it). Each attempt is one compare-and-set on the lead's version; a concurrent change makes it
 * reload and try again.
 */
@Service
public class ChangeLead {

    private static final int ATTEMPTS = 3;

    private final Leads leads;
    private final StatusCatalog statuses;
    private final TagCatalog tags;
    private final LeadEventMapper events;
    private final Clock clock;
    private final LeadMetrics metrics;

    ChangeLead(Leads leads, StatusCatalog statuses, TagCatalog tags, LeadEventMapper events, Clock clock,
               LeadMetrics metrics) {
        this.leads = leads;
        this.statuses = statuses;
        this.tags = tags;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @throws InvalidFieldException for a field that breaks the capture rules or may not be edited, or an unknown
     *                               status
     */
    public Lead change(Caller caller, String leadId, LeadEditCommand command, String statusIdOrName) {
        return change(caller, leadId, command, statusIdOrName, null);
    }

    /**
     * As above; with {@code ifMatch} (the version the client read, from {@code If-Match}) the change is made only to
     * that version, never retried onto a newer one.
     *
     * @throws LeadChangedSinceReadException when the lead's version is not {@code ifMatch}
     */
    public Lead change(Caller caller, String leadId, LeadEditCommand command, String statusIdOrName, Long ifMatch) {
        LeadEditRules.Checked checked = LeadEditRules.check(command);
        if (!checked.isValid()) {
            throw new InvalidFieldException(checked.violation().field(), checked.violation().message());
        }
        LeadStatusRef target = statusIdOrName == null ? null
                : statuses.find(caller.companyId(), statusIdOrName)
                        .orElseThrow(() -> new InvalidFieldException("status", "is not a status of this company"));
        LeadEdit edit = checked.edit();
        if (edit.tags() != null) {
            edit = edit.withTags(tags.resolve(caller.companyId(), edit.tags())); // the company's spelling, as capture
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lead lead = leads.find(caller.companyId(), leadId).filter(found -> LeadAccess.canSee(caller, found))
                    .orElseThrow(() -> new LeadNotFoundException(leadId));
            long expectedVersion = lead.version();
            if (ifMatch != null && ifMatch != expectedVersion) {
                throw new LeadChangedSinceReadException(leadId, expectedVersion);
            }
            Instant now = clock.instant();
            List<LeadChange> changes = lead.change(edit, target, caller.userId(), now);
            if (changes.isEmpty()) {
                return lead;
            }
            if (leads.update(lead, expectedVersion, events.toOutbox(lead, changes, caller.userId(), now))) {
                metrics.changed(changes);
                return lead;
            }
        }
        throw new ConcurrentLeadChangeException(leadId);
    }
}
