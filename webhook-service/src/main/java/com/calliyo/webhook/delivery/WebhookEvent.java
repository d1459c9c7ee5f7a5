package com.calliyo.webhook.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One event as subscribers receive it. {@code id} is the source event's CloudEvents id, so a redelivered Kafka record
 * becomes the same webhook ({@code webhook-id}) and receivers can de-duplicate. {@code orderKey} (the leadId) groups
 * the events that must arrive in order: a later one waits for the earlier one, per subscription.
 */
public record WebhookEvent(String id, String type, Instant occurredAt, String companyId, String orderKey,
                           Map<String, Object> data) {

    /** The request body: {@code {id, type, occurredAt, companyId, data}}, the bytes that are signed. */
    public String body(JsonMapper json) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        body.put("companyId", companyId);
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
