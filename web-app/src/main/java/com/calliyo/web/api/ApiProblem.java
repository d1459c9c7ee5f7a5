package com.calliyo.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API answer that is not a success, read from its problem+json body (RFC 9457): the status, the product's own
 * words in {@code detail}, the field errors keyed by field name, and the extra members some answers carry (a
 * duplicate lead's {@code existingLeadId}).
 */
public record ApiProblem(int status, String title, String detail, Map<String, String> fieldErrors,
                         Map<String, String> extras) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ApiProblem {
        fieldErrors = Map.copyOf(fieldErrors);
        extras = Map.copyOf(extras);
    }

    /** A body that is not problem+json (or none at all) still gives a status and a plain title. */
    public static ApiProblem parse(int status, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> extras = new LinkedHashMap<>();
        String title = null;
        String detail = null;
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json != null && json.isObject()) {
                title = text(json.get("title"));
                detail = text(json.get("detail"));
                JsonNode errors = json.get("errors");
                if (errors != null && errors.isArray()) {
                    for (JsonNode error : errors) {
                        String field = text(error.get("field"));
                        if (field != null) {
                            fields.merge(field, String.valueOf(text(error.get("message"))), (a, b) -> a + "; " + b);
                        }
                    }
                }
                for (var member : json.properties()) {
                    if (member.getValue().isValueNode() && !member.getValue().isNull()) {
                        extras.putIfAbsent(member.getKey(), member.getValue().asString());
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // An HTML error page from a proxy: the status alone is what we can go on.
        }
        return new ApiProblem(status, title == null ? "Request failed" : title, detail, fields, extras);
    }

    public static ApiProblem unreachable() {
        return new ApiProblem(503, "Service unavailable", "The server is not answering right now", Map.of(),
                Map.of());
    }

    /** 502, 503 and 504: nothing was wrong with the request, so the same input may be sent again. */
    public boolean isTemporary() {
        return status == 502 || status == 503 || status == 504;
    }

    public String extra(String name) {
        return extras.get(name);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
