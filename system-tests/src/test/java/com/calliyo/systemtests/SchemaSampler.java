package com.calliyo.systemtests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Values a schema accepts, as the fuzzer's starting point: required properties always, the others now and then,
 * enums and simple alternation patterns honoured, lengths and ranges kept, and the company's real ids wherever a
 * name says an id goes there, so that a valid request reaches the service's rules and the mutated ones fail deep.
 */
final class SchemaSampler {

    /** Values the contract (shared/design/api.md) names for parameters the descriptions type only as strings. */
    private static final Map<String, List<String>> KNOWN_VALUES = Map.of(
            "groupBy", List.of("agent", "source", "tag", "campaign", "plan"),
            "basis", List.of("conversion", "cohort"),
            "status", List.of("Unassigned", "Interested", "Customer"),
            "showCustomerTo", List.of("ALL", "AGENT_ONLY"));

    private final Random random;
    private final FuzzCompany company;

    SchemaSampler(Random random, FuzzCompany company) {
        this.random = random;
        this.company = company;
    }

    Object sample(OpenApiOperation operation, JsonNode schema, String name) {
        JsonNode resolved = operation.schemas().resolve(schema);
        List<String> ids = name == null ? List.of() : company.idsForName(operation.service(), name);
        String type = resolved.path("type").asString();
        if (!ids.isEmpty() && (type.equals("string") || type.isEmpty())) {
            return pick(ids);
        }
        if (resolved.has("enum")) {
            List<String> values = new ArrayList<>();
            resolved.get("enum").forEach(value -> values.add(value.asString()));
            return pick(values);
        }
        return switch (type) {
            case "object" -> object(operation, resolved);
            case "array" -> array(operation, resolved, name);
            case "integer" -> integer(resolved);
            case "number" -> new BigDecimal(random.nextInt(100_000) + "." + (10 + random.nextInt(90)));
            case "boolean" -> random.nextBoolean();
            case "string" -> string(resolved, name);
            default -> resolved.has("properties") ? object(operation, resolved) : word(8);
        };
    }

    Map<String, Object> object(OpenApiOperation operation, JsonNode schema) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asString()));
        Map<String, Object> object = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || random.nextInt(10) < 7) {
                object.put(property.getKey(), sample(operation, property.getValue(), property.getKey()));
            }
        }
        return object;
    }

    private List<Object> array(OpenApiOperation operation, JsonNode schema, String name) {
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(3), Math.max(min, 3));
        int size = min + random.nextInt(max - min + 1);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(sample(operation, schema.path("items"), name));
        }
        return items;
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
        return min + (long) (random.nextDouble() * (Math.min(max, min + 1000) - min + 1));
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").asString();
        String pattern = schema.path("pattern").asString();
        String lowerName = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        if (format.equals("email") || lowerName.contains("email")) {
            return "fuzz-" + word(10) + "@example.com";
        }
        if (format.equals("date-time") || (name != null && name.endsWith("At"))) {
            return Instant.now().plus(1 + random.nextInt(240), ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
        if (format.equals("date") || lowerName.equals("from") || lowerName.equals("to")) {
            return LocalDate.now().minusDays(random.nextInt(60)).toString();
        }
        if (pattern.matches("[A-Z_]+(\\|[A-Z_]+)+")) {
            return pick(List.of(pattern.split("\\|")));
        }
        if (KNOWN_VALUES.containsKey(name)) {
            return pick(KNOWN_VALUES.get(name));
        }
        if (lowerName.equals("timezone")) {
            return pick(List.of("Asia/Kolkata", "UTC", "Europe/London"));
        }
        if (lowerName.equals("phone")) {
            return "+9198" + (10_000_000 + random.nextInt(89_999_999));
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(20);
        return word(Math.max(1, Math.min(max, min + 1 + random.nextInt(12))));
    }

    String word(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
