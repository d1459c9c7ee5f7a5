package com.calliyo.web.customers;

import java.time.Instant;
import java.util.List;

import com.calliyo.web.leads.Status;

/** customer-service's view of a converted lead, with its history and the summaries of its orders. */
public record Customer(String leadId, String firstName, String lastName, String phone, String email,
                       List<String> tags, Status status, String source, String campaign, Instant createdAt,
                       Instant convertedAt, String convertedBy, String convertedByName, List<HistoryEntry> history,
                       List<OrderSummary> orders) {

    public Customer {
        tags = tags == null ? List.of() : List.copyOf(tags);
        history = history == null ? List.of() : List.copyOf(history);
        orders = orders == null ? List.of() : List.copyOf(orders);
    }

    public String fullName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }

    public record HistoryEntry(String id, String type, Instant occurredAt, String text, String callStatus,
                               Integer durationSeconds, Instant scheduledAt, Instant resolvedAt) {
    }

    public record OrderSummary(String orderId, String plan, String currency, String amount, String total,
                               String paymentStatus, String amountPaid, Instant createdAt) {
    }
}
