package com.calliyo.customer.customer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /api/customers/{leadId}}: the customer with its history, newest first. */
record CustomerResponse(
        String leadId,
        String companyId,
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
        List<CustomerView.HistoryEntry> history,
        List<Object> orders) {

    private static final Comparator<CustomerView.HistoryEntry> NEWEST_FIRST = Comparator
            .comparing(CustomerView.HistoryEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CustomerView.HistoryEntry::id, Comparator.nullsLast(Comparator.naturalOrder()));

    static CustomerResponse of(CustomerView view) {
        Map<String, CustomerView.HistoryEntry> history = view.history() == null ? Map.of() : view.history();
        // Orders arrive with order-service's events (issue 5); until then the list is empty.
        return new CustomerResponse(view.leadId(), view.companyId(), view.firstName(), view.lastName(),
                view.phone(), view.email(), view.tags() == null ? List.of() : view.tags(), view.status(),
                view.assignedTo(), view.source(), view.campaign(), view.createdAt(), view.convertedAt(),
                view.convertedBy(), history.values().stream().sorted(NEWEST_FIRST).toList(), List.of());
    }
}
