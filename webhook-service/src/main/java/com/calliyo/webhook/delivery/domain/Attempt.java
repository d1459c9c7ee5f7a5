package com.calliyo.webhook.delivery.domain;

import java.time.Instant;

/**
 * One try at a delivery, as the log shows it: when, the answer's status ({@code null} when there was none), how long
 * it took, the first bytes of the answer, and what went wrong without an answer ({@code error}).
 */
public record Attempt(
        String deliveryId,
        Instant at,
        Integer statusCode,
        long latencyMillis,
        String response,
        String error,
        String outcome) {
}
