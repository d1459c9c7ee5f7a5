package com.calliyo.customer.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The filters of {@code GET /api/customers}. {@code from}/{@code to} are local dates in the company's timezone,
 * both inclusive, on {@code convertedAt}; {@code q} matches name, phone or email (every word somewhere).
 */
record CustomerFilter(String q, String agentId, LocalDate from, LocalDate to) {

    static final CustomerFilter NONE = new CustomerFilter(null, null, null, null);

    /** The words of {@code q}, lower-cased order kept; empty when there is no text filter. */
    List<String> words() {
        return q == null ? List.of() : Arrays.stream(q.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    Optional<String> agent() {
        return agentId == null || agentId.isBlank() ? Optional.empty() : Optional.of(agentId.trim());
    }

    /** The first instant of {@code from} in the zone. */
    Optional<Instant> fromInstant(ZoneId zone) {
        return Optional.ofNullable(from).map(day -> day.atStartOfDay(zone).toInstant());
    }

    /** The first instant of the day after {@code to} in the zone: the range is half-open, so {@code to} counts whole. */
    Optional<Instant> toExclusive(ZoneId zone) {
        return Optional.ofNullable(to).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
