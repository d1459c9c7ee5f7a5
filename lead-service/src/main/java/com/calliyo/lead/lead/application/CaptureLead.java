package com.calliyo.lead.lead.application;

import java.time.Clock;
import java.time.Instant;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.config.LeadServiceProperties;
import com.calliyo.lead.lead.domain.DuplicatePhoneException;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.lead.events.LeadEventMapper;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.tag.TagCatalog;
import org.springframework.stereotype.Service;

/**
 * Captures a single lead from any channel: checks and normalises its fields ({@link CaptureRules}), resolves the
 * initial status, refuses a phone the company already has (409 with the existing lead's id; the store's unique index
 * settles races), creates its tags on first use and stores it with its {@code lead.captured} event.
 */
@Service
public class CaptureLead {

    private final Leads leads;
    private final StatusCatalog statuses;
    private final TagCatalog tags;
    private final LeadEventMapper events;
    private final LeadServiceProperties properties;
    private final Clock clock;
    private final LeadMetrics metrics;

    CaptureLead(Leads leads, StatusCatalog statuses, TagCatalog tags, LeadEventMapper events,
                LeadServiceProperties properties, Clock clock, LeadMetrics metrics) {
        this.leads = leads;
        this.statuses = statuses;
        this.tags = tags;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @throws InvalidFieldException  for a field that breaks a capture rule or an unknown status
     * @throws DuplicateLeadException when the company already has a lead with this phone
     */
    public Lead capture(Caller caller, CaptureLeadCommand command) {
        CaptureRules.Checked checked = CaptureRules.check(command.attributedTo(caller),
                properties.defaultPhoneRegion());
        if (!checked.isValid()) {
            throw new InvalidFieldException(checked.violation().field(), checked.violation().message());
        }
        String companyId = caller.companyId();
        LeadStatusRef status = command.status() == null || command.status().isBlank()
                ? statuses.initial(companyId)
                : statuses.find(companyId, command.status())
                        .orElseThrow(() -> new InvalidFieldException("status", "is not a status of this company"));
        String phone = checked.lead().phone();
        leads.findIdByPhone(companyId, phone).ifPresent(existing -> {
            throw new DuplicateLeadException(existing);
        });
        NewLead data = checked.lead().withTags(tags.resolve(companyId, checked.lead().tags()));
        Instant now = clock.instant();
        Lead.Captured captured = Lead.capture(companyId, data, status, caller.userId(), now);
        try {
            leads.insert(captured.lead(), events.toOutbox(captured.lead(), captured.changes(), caller.userId(), now));
        } catch (DuplicatePhoneException e) {
            // captured concurrently by another request after our check: answer exactly as if we had seen it
            throw new DuplicateLeadException(leads.findIdByPhone(companyId, phone).orElseThrow(() -> e));
        }
        metrics.captured(captured.lead().captureChannel(), 1);
        metrics.changed(captured.changes());
        return captured.lead();
    }
}
