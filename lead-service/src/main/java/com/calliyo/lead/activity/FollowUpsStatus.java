package com.calliyo.lead.activity;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.LeadStatus;
import com.calliyo.lead.status.StatusCatalog;
import org.springframework.stereotype.Component;

/** The company's protected Followups status, found by its kind: companies may rename it, never remove it. */
@Component
class FollowUpsStatus {

    private final StatusCatalog statuses;

    FollowUpsStatus(StatusCatalog statuses) {
        this.statuses = statuses;
    }

    LeadStatusRef of(String companyId) {
        return statuses.pipeline(companyId).stream()
                .filter(status -> status.kind() == StatusKind.FOLLOWUPS)
                .findFirst()
                .map(LeadStatus::toRef)
                .orElseThrow(() -> new IllegalStateException("Company " + companyId + " has no Followups status"));
    }
}
