package com.calliyo.web.leads;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** A lead's follow-ups (schedule, resolve) and its status history. */
@Component
class FollowUpsApi {

    private final GatewayApi api;

    FollowUpsApi(GatewayApi api) {
        this.api = api;
    }

    void schedule(String leadId, Instant scheduledAt, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scheduledAt", scheduledAt == null ? null : scheduledAt.toString());
        if (note != null && !note.isBlank()) {
            body.put("note", note.trim());
        }
        api.post("/api/leads/{id}/follow-ups", body, Map.class, Map.of(), leadId);
    }

    void resolve(String followUpId) {
        api.post("/api/follow-ups/{id}/resolve", Map.of(), Map.class, Map.of(), followUpId);
    }

    List<StatusChange> statusHistory(String leadId) {
        return api.get("/api/leads/{id}/status-history?size=50",
                new ParameterizedTypeReference<Page<StatusChange>>() { }, leadId).items();
    }

    /** One entry of the audit trail: who moved the lead from which status to which. */
    public record StatusChange(Instant at, String by, Status from, Status to) {
    }
}
