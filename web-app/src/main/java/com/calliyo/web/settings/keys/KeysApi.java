package com.calliyo.web.settings.keys;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** lead-service's API keys and webhook keys: list (100 at most, the API's largest page), create, new token, revoke. */
@Component
class KeysApi {

    static final List<String> SCOPES = List.of("leads:read", "leads:write", "customers:read", "users:read",
            "statuses:read", "tags:read", "tags:write", "followups:read", "followups:write", "notes:read",
            "notes:write", "calls:read", "campaigns:read");

    private final GatewayApi api;

    KeysApi(GatewayApi api) {
        this.api = api;
    }

    List<ApiKey> apiKeys() {
        return api.get("/api/settings/api-keys?size=100",
                new ParameterizedTypeReference<Page<ApiKey>>() { }).items();
    }

    IssuedKey createApiKey(String name, List<String> scopes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scopes", scopes == null ? List.of() : scopes);
        return api.post("/api/settings/api-keys", body, IssuedKey.class, Map.of());
    }

    List<WebhookKey> webhookKeys() {
        return api.get("/api/settings/webhook-keys?size=100",
                new ParameterizedTypeReference<Page<WebhookKey>>() { }).items();
    }

    IssuedKey createWebhookKey(WebhookKeyForm form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.name());
        body.put("allowedDomains", list(form.allowedDomains()));
        putIfPresent(body, "honeypotField", form.honeypotField());
        putIfPresent(body, "defaultStatus", form.defaultStatus());
        body.put("defaultTags", list(form.defaultTags()));
        return api.post("/api/settings/webhook-keys", body, IssuedKey.class, Map.of());
    }

    /** {@code kind} is "api-keys" or "webhook-keys". */
    IssuedKey newToken(String kind, String id) {
        return api.post("/api/settings/" + kind + "/{id}/token", Map.of(), IssuedKey.class, Map.of(), id);
    }

    void revoke(String kind, String id) {
        api.delete("/api/settings/" + kind + "/{id}", id);
    }

    /** "a.com, *.b.com" → ["a.com", "*.b.com"]. */
    static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static void putIfPresent(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.trim());
        }
    }
}
