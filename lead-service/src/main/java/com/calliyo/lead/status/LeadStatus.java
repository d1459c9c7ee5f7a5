package com.calliyo.lead.status;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;

/**
 * One stage of a company's pipeline; statuses are data, so companies rename, add and reorder them. {@code position}
 * is the place in the company's order, 0 first. Only the three statuses whose kind is not OTHER are protected.
 */
public record LeadStatus(String id, String companyId, String name, StatusKind kind, boolean protectedStatus,
                         int position) {

    public LeadStatusRef toRef() {
        return new LeadStatusRef(id, name, kind);
    }
}
