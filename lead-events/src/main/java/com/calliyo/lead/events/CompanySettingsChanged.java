package com.calliyo.lead.events;

import java.time.Instant;
import java.util.List;

/**
 * v1 of {@code com.calliyo.company.settings_changed} on {@code crm.company.events}, keyed by companyId. Carries the
 * company's current pipeline and the settings read models need; {@code settingsVersion} grows with each change,
 * so consumers keep only the newest. {@code gstin} is the company's GSTIN (null when the profile has none); its
 * first two digits are the company's state code, which decides CGST + SGST versus IGST on orders.
 */
public record CompanySettingsChanged(
        String companyId,
        long settingsVersion,
        Instant occurredAt,
        String actorId,
        String timezone,
        String showCustomerTo,
        boolean orderModuleEnabled,
        Integer dailyCallTarget,
        List<StatusRef> statuses,
        String gstin) implements CompanyEvent {
}
