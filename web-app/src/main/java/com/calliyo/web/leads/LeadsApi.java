package com.calliyo.web.leads;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import com.calliyo.web.api.SameKeyRetry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** lead-service's leads, statuses, calls, notes and timeline, as the signed-in user. */
@Component
public class LeadsApi {

    public static final int PAGE_SIZE = 20;
    /** Well inside the gateway's 30 s limit for a page; a lead is normally created in well under a second. */
    private static final Duration SAME_KEY_WAIT = Duration.ofSeconds(10);

    private final GatewayApi api;

    LeadsApi(GatewayApi api) {
        this.api = api;
    }

    public Page<Lead> list(String status, String q, int page) {
        return api.get(uri -> {
            uri.path("/api/leads").queryParam("page", Math.max(0, page)).queryParam("size", PAGE_SIZE);
            if (status != null && !status.isBlank()) {
                uri.queryParam("status", status);
            }
            if (q != null && !q.isBlank()) {
                uri.queryParam("q", q.trim());
            }
            return uri.build();
        }, new ParameterizedTypeReference<Page<Lead>>() { });
    }

    public Lead get(String id) {
        return api.get("/api/leads/{id}", Lead.class, id);
    }

    public List<Status> statuses() {
        return api.get("/api/settings/statuses", new ParameterizedTypeReference<List<Status>>() { });
    }

    /** Sent again with the same key while the first is still running, it waits for and returns the first's lead. */
    public Lead create(Map<String, Object> lead, String idempotencyKey) {
        return SameKeyRetry.call(() -> api.post("/api/leads", lead, Lead.class,
                Map.of("Idempotency-Key", idempotencyKey)), SAME_KEY_WAIT);
    }

    /** Setting the Customer status converts; moving a customer to another status un-converts. */
    public Lead changeStatus(String id, String statusId) {
        return api.patch("/api/leads/{id}", Map.of("status", statusId), Lead.class, id);
    }

    /** Only the fields sent change; {@code ""} clears an optional field, a tag list replaces the tags. */
    public Lead edit(String id, Map<String, Object> fields) {
        return api.patch("/api/leads/{id}", fields, Lead.class, id);
    }

    public void logCall(String id, String callStatus, int durationSeconds, String note) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("callStatus", callStatus);
        call.put("durationSeconds", durationSeconds);
        if (note != null && !note.isBlank()) {
            call.put("note", note);
        }
        api.post("/api/leads/{id}/calls", call, Map.class, Map.of(), id);
    }

    public void addNote(String id, String text) {
        api.post("/api/leads/{id}/notes", Map.of("text", text == null ? "" : text), Map.class, Map.of(), id);
    }

    public Page<TimelineEntry> timeline(String id) {
        return api.get("/api/leads/{id}/timeline?size=50", new ParameterizedTypeReference<Page<TimelineEntry>>() { },
                id);
    }
}
