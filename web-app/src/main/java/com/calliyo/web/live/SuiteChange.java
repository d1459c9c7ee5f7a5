package com.calliyo.web.live;

import java.util.Set;

/**
 * One change in the suite, as far as open pages care: which company, which areas it makes stale, and who may notice
 * it. Admins and managers see their whole company; an agent only changes that touch their own leads
 * ({@code agents}), or every change when {@code agents} is null (a company-wide change such as renamed statuses).
 *
 * @param customer the lead whose customer record the change creates ({@code customerNow} true) or removes (false);
 *                 null when the change is not a conversion
 */
record SuiteChange(String companyId, Set<String> agents, Set<LiveArea> areas, CustomerChange customer) {

    record CustomerChange(String leadId, boolean customerNow) {
    }

    boolean concerns(String companyId, String userId, boolean agent) {
        return this.companyId.equals(companyId) && (!agent || agents == null || agents.contains(userId));
    }
}
