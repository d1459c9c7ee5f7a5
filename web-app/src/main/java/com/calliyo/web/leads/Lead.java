package com.calliyo.web.leads;

import java.time.Instant;
import java.util.List;

public record Lead(String id, String firstName, String lastName, String phone, String email, List<String> tags,
                   String source, String campaign, Status status, String assignedTo, long version,
                   Instant convertedAt, Instant createdAt) {

    public Lead {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String fullName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }

    public boolean isCustomer() {
        return status != null && status.isCustomer();
    }
}
