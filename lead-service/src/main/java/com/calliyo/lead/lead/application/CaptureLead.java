package com.calliyo.lead.lead.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.config.LeadServiceProperties;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadStatusRef;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.outbox.LeadEventMapper;
import com.calliyo.lead.status.StatusCatalog;
import org.springframework.stereotype.Service;

/** Captures a single lead: normalises the phone, resolves the initial status, stores it with its events. */
@Service
public class CaptureLead {

    private final Leads leads;
    private final StatusCatalog statuses;
    private final LeadEventMapper events;
    private final LeadServiceProperties properties;
    private final Clock clock;

    CaptureLead(Leads leads, StatusCatalog statuses, LeadEventMapper events, LeadServiceProperties properties,
                Clock clock) {
        this.leads = leads;
        this.statuses = statuses;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public Lead capture(Caller caller, CaptureLeadCommand command) {
        String phone = PhoneNumbers.toE164(command.phone(), properties.defaultPhoneRegion())
                .orElseThrow(() -> new InvalidFieldException("phone", "is not a valid phone number"));
        LeadStatusRef status = command.status() == null || command.status().isBlank()
                ? statuses.initial(caller.companyId())
                : statuses.find(caller.companyId(), command.status())
                        .orElseThrow(() -> new InvalidFieldException("status", "is not a status of this company"));
        List<String> tags = command.tags() == null ? List.of()
                : command.tags().stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        NewLead data = new NewLead(command.firstName().trim(), trimToNull(command.lastName()), phone,
                trimToNull(command.email()), tags, trimToNull(command.source()), trimToNull(command.campaign()));
        Instant now = clock.instant();
        Lead.Captured captured = Lead.capture(caller.companyId(), data, status, caller.userId(), now);
        leads.insert(captured.lead(), events.toOutbox(captured.lead(), captured.changes(), caller.userId(), now));
        return captured.lead();
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
