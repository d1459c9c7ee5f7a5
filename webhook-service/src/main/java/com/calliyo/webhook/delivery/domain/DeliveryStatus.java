package com.calliyo.webhook.delivery.domain;

/** Where a delivery stands: waiting for its (next) attempt, answered with 2xx, or given up (a final 4xx). */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
