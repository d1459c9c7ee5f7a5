package com.calliyo.customer.customers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.calliyo.customer.company.CompanySettings;

/**
 * {@code GET /api/customers/{leadId}}: the customer with its history (newest first) and its orders (oldest first).
 * The status is named as the company names it now; {@code convertedByName} is null until the company's user events
 * named that user.
 */
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
        String convertedByName,
        List<CustomerView.HistoryEntry> history,
        List<OrderResponse> orders) {

    private static final Comparator<CustomerView.HistoryEntry> NEWEST_FIRST = Comparator
            .comparing(CustomerView.HistoryEntry::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CustomerView.HistoryEntry::id, Comparator.nullsLast(Comparator.naturalOrder()));

    static CustomerResponse of(CustomerView view, CompanySettings company) {
        Map<String, CustomerView.HistoryEntry> history = view.history() == null ? Map.of() : view.history();
        Map<String, CustomerView.OrderSummary> orders = view.orders() == null ? Map.of() : view.orders();
        return new CustomerResponse(view.leadId(), view.companyId(), view.firstName(), view.lastName(),
                view.phone(), view.email(), view.tags() == null ? List.of() : view.tags(),
                CustomerSummary.currentStatus(view.status(), company), view.assignedTo(), view.source(),
                view.campaign(), view.createdAt(), view.convertedAt(), view.convertedBy(),
                company.userName(view.convertedBy()),
                history.values().stream().sorted(NEWEST_FIRST).toList(),
                orders.values().stream().sorted(OrderResponse.OLDEST_FIRST).map(OrderResponse::of).toList());
    }

    /** One order of the customer: {@code total} is the tax breakdown's total, money as decimal strings. */
    record OrderResponse(String orderId, String plan, String currency, String amount, String total,
                         String paymentStatus, String amountPaid, Instant createdAt) {

        static final Comparator<CustomerView.OrderSummary> OLDEST_FIRST = Comparator
                .comparing(CustomerView.OrderSummary::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CustomerView.OrderSummary::orderId);

        static OrderResponse of(CustomerView.OrderSummary order) {
            return new OrderResponse(order.orderId(), order.plan(), order.currency(), order.amount(), order.total(),
                    order.paymentStatus(), order.amountPaid(), order.createdAt());
        }
    }
}
