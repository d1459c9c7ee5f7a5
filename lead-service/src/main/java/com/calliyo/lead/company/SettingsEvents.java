package com.calliyo.lead.company;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.shared.OutboxEntry;
import com.calliyo.lead.status.LeadStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a company into its v1 {@code com.calliyo.company.settings_changed} event: the settings read models need and
 * the whole current pipeline. {@code settingsVersion} is the company document's version, so it grows with each change.
 */
@Component
class SettingsEvents {

    private final JsonMapper json;

    SettingsEvents(JsonMapper json) {
        this.json = json;
    }

    OutboxEntry settingsChanged(Company company, List<LeadStatus> pipeline, String actorId, Instant now) {
        CompanyConfiguration configuration = company.configuration();
        CompanySettingsChanged event = new CompanySettingsChanged(company.id(), company.version(), now, actorId,
                company.timezone(), configuration.showCustomerTo(), configuration.orderModuleEnabled(),
                configuration.dailyCallTarget(), pipeline.stream()
                        .map(s -> new StatusRef(s.id(), s.name(), StatusKind.valueOf(s.kind().name())))
                        .toList(), company.gstin());
        return new OutboxEntry(UUID.randomUUID().toString(), LeadEventType.COMPANY_SETTINGS_CHANGED.type(), now,
                json.writeValueAsString(event));
    }
}
