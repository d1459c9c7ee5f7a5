package com.calliyo.order.company;

import java.util.Optional;

/**
 * What order-service knows of a company from its {@code settings_changed} events: whether the Order module is on,
 * and the company's GSTIN (null when its profile has none), whose first two digits are its state.
 * {@link #UNKNOWN} stands for a company whose first event has not arrived yet: lead-service publishes one at
 * sign-up with the module on, so the same defaults are assumed (module on, no GSTIN) rather than refusing a new
 * company's first order.
 */
public record CompanySettings(String companyId, long settingsVersion, boolean orderModuleEnabled, String gstin) {

    static CompanySettings unknown(String companyId) {
        return new CompanySettings(companyId, 0, true, null);
    }

    /** The company's two-digit state code, when it has a GSTIN. */
    public Optional<String> state() {
        return gstin == null || gstin.length() < 2 ? Optional.empty() : Optional.of(gstin.substring(0, 2));
    }
}
