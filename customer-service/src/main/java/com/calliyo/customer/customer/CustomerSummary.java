package com.calliyo.customer.customer;

import java.time.Instant;
import java.util.List;

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
        String convertedBy) {

    static CustomerSummary of(CustomerView view) {
        return new CustomerSummary(view.leadId(), view.firstName(), view.lastName(), view.phone(), view.email(),
                view.tags() == null ? List.of() : view.tags(), view.status(), view.assignedTo(), view.source(),
                view.campaign(), view.createdAt(), view.convertedAt(), view.convertedBy());
    }
}
