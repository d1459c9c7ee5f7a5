package com.calliyo.customer.customers;

import java.time.Instant;
import java.util.List;

import com.calliyo.customer.company.CompanySettings;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;

/** One row of {@code GET /api/customers}. */
record CustomerSummary(
        String leadId,
        String firstName,
        String lastName,
        String phone,
        String email,
        List<String> tags,
        CustomerView.Status status,
        String assignedTo,
        String source,
        String campaign,
        Instant createdAt,
        Instant convertedAt,
        String convertedBy,
        String convertedByName) {

    static CustomerSummary of(CustomerView view, CompanySettings company) {
        return new CustomerSummary(view.leadId(), view.firstName(), view.lastName(), view.phone(), view.email(),
                view.tags() == null ? List.of() : view.tags(), currentStatus(view.status(), company),
                view.assignedTo(), view.source(), view.campaign(), view.createdAt(), view.convertedAt(),
                view.convertedBy(), company.userName(view.convertedBy()));
    }

    /** The stored status under the name (and kind) the company's newest pipeline gives its id. */
    static CustomerView.Status currentStatus(CustomerView.Status stored, CompanySettings company) {
        if (stored == null) {
            return null;
        }
        StatusRef current = company.current(new StatusRef(stored.id(), stored.name(),
                stored.kind() == null ? null : kind(stored.kind())));
        return new CustomerView.Status(current.id(), current.name(),
                current.kind() == null ? stored.kind() : current.kind().name());
    }

    private static StatusKind kind(String kind) {
        try {
            return StatusKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
