package com.calliyo.customer.customers.domain;

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
public record CustomerFilter(String q, String agentId, LocalDate from, LocalDate to) {

    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null);

    /** The words of {@code q}, lower-cased order kept; empty when there is no text filter. */
    public List<String> words() {
        return q == null ? List.of() : Arrays.stream(q.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    public Optional<String> agent() {
        return agentId == null || agentId.isBlank() ? Optional.empty() : Optional.of(agentId.trim());
    }

    /** The first instant of {@code from} in the zone. */
    public Optional<Instant> fromInstant(ZoneId zone) {
        return Optional.ofNullable(from).map(day -> day.atStartOfDay(zone).toInstant());
    }

    /** The first instant of the day after {@code to} in the zone: the range is half-open, so {@code to} counts whole. */
    public Optional<Instant> toExclusive(ZoneId zone) {
        return Optional.ofNullable(to).map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
