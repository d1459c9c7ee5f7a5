package com.calliyo.lead.status;

import com.calliyo.lead.lead.domain.LeadStatusRef;
import com.calliyo.lead.lead.domain.StatusKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One stage of a company's pipeline; statuses are data, so companies rename, add and reorder them. */
@Document("statuses")
public record LeadStatus(@Id String id, String companyId, String name, StatusKind kind, boolean protectedStatus,
                         int position) {

    public LeadStatusRef toRef() {
        return new LeadStatusRef(id, name, kind);
    }
}
