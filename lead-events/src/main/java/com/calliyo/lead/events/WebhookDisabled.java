package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.company.webhook_disabled} on {@code crm.company.events}, keyed by companyId (ce_subject is
 * the subscriptionId), published by webhook-service (ce_source {@code /calliyo/webhook-service}): an outbound
 * webhook subscription kept failing from {@code failingSince} on and was switched off; nothing more is sent to
 * {@code url} until an admin enables it again. {@code reason} is {@code FAILING} (3 days of failed deliveries);
 * consumers treat an unknown value like {@code FAILING}. {@code lastStatusCode} is null when the last attempt got no
 * answer (time-out, connection refused).
 */
public record WebhookDisabled(
        String companyId,
        String subscriptionId,
        String url,
        Instant occurredAt,
        String actorId,
        String reason,
        Instant failingSince,
        Integer lastStatusCode) implements CompanyEvent {

    public static final String FAILING = "FAILING";
}
