package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

/**
 * Request bodies for one operation: valid ones from its schema, and the same with one field of the wrong type,
 * null, hostile or missing, or the whole body truncated, not JSON, nested too deep, empty, of another media type,
 * or too large for the gateway.
 */
final class FuzzBodies {

    /** A body, its Content-Type, and how it was made. */
    record Body(String contentType, String text, String kind) {
    }

    private static final List<String> NOT_JSON = List.of(
            "{", "{\"a\":", "not json", "{'firstName':'x'}", "{\"a\":1,}", "[1,2", "\u0000", "{\"a\":1}}",
            "{\"a\" 1}", "{\"a\":tru}", "<lead><firstName>x</firstName></lead>", "firstName=x&phone=1", "\"",
            "{\"a\":\"\\uZZZZ\"}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "/* comment */ {}", "{\"a\":1}garbage");

    private static final List<String> TOP_LEVEL_NOT_AN_OBJECT = List.of(
            "[]", "null", "42", "\"text\"", "true", "[{}]", "{}", "[null]", "-1e400");

    private static final List<String> OTHER_MEDIA_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=klingon", "garbage", "application/octet-stream", "text/csv");

    private final Random random;
    private final HostileInput hostile;
    private final SchemaSampler sampler;

    FuzzBodies(Random random, HostileInput hostile, SchemaSampler sampler) {
        this.random = random;
        this.hostile = hostile;
        this.sampler = sampler;
    }

    Body forOperation(OpenApiOperation operation) {
        if (operation.bodyMediaType().startsWith("multipart/")) {
            return new CsvUploads(random, hostile).next();
        }
        Map<String, Object> valid = validObject(operation);
        int roll = random.nextInt(100);
        if (roll < 20) {
            return json(valid, "valid");
        } else if (roll < 32) {
            return json(replaceOneField(valid, current -> hostile.wrongTypeFor(jsonType(current))), "wrong type");
        } else if (roll < 38) {
            return json(replaceOneField(valid, current -> null), "null field");
        } else if (roll < 50) {
            return json(replaceOneField(valid, current -> hostile.bodyString()), "hostile string");
        } else if (roll < 57) {
            return json(replaceOneField(valid, current -> hostile.jsonNumber()), "hostile number");
        } else if (roll < 60) {
            return json(replaceOneField(valid, current -> hostile.date()), "bad date");
        } else if (roll < 65) {
            return json(withoutSomeFields(valid), "missing fields");
        } else if (roll < 68) {
            return json(withExtraFields(valid), "unknown fields");
        } else if (roll < 72) {
            return random.nextBoolean() ? new Body("application/json", hostile.deepNesting().json(), "deep nesting")
                    : json(replaceOneField(valid, current -> hostile.deepNesting()), "deep nesting in a field");
        } else if (roll < 78) {
            return new Body("application/json", hostile.pick(NOT_JSON), "invalid JSON");
        } else if (roll < 84) {
            String text = FuzzJson.write(valid);
            return new Body("application/json", text.substring(0, random.nextInt(Math.max(1, text.length()))),
                    "truncated");
        } else if (roll < 89) {
            return new Body("application/json", null, "empty");
        } else if (roll < 94) {
            return new Body(hostile.pick(OTHER_MEDIA_TYPES), FuzzJson.write(valid), "wrong content type");
        } else if (roll < 98) {
            return new Body("application/json", hostile.pick(TOP_LEVEL_NOT_AN_OBJECT), "not an object");
        } else if (roll < 99) {
            String text = FuzzJson.write(valid);
            return new Body("application/json", text.replaceFirst("^\\{", "{\"a\":1,\"a\":[2],"), "duplicate keys");
        }
        return new Body("application/json", "{\"a\":\"" + "z".repeat(1_100_000) + "\"}", "over the size limit");
    }

    /** A body sent to an operation that takes none: it must be ignored or refused, never break it. */
    Body unexpected() {
        return random.nextBoolean() ? new Body("application/json", hostile.pick(NOT_JSON), "unexpected invalid JSON")
                : new Body("application/json", "{\"$gt\":\"\",\"id\":" + FuzzJson.write(hostile.string()) + "}",
                        "unexpected object");
    }

    private Map<String, Object> validObject(OpenApiOperation operation) {
        JsonNode schema = operation.schemas().resolve(operation.bodySchema());
        if (schema.path("type").asString().equals("object") || schema.has("properties")) {
            return sampler.object(operation, schema);
        }
        // The description leaves the body open (the web form's raw bytes): start from a web form's lead.
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("firstName", sampler.word(6));
        lead.put("phone", "+9198" + (10_000_000 + random.nextInt(89_999_999)));
        lead.put("email", "fuzz-" + sampler.word(8) + "@example.com");
        return lead;
    }

    private Body json(Object value, String kind) {
        return new Body("application/json", FuzzJson.write(value), kind);
    }

    private static String jsonType(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof List<?>) {
            return "array";
        }
        return value instanceof Map<?, ?> ? "object" : "null";
    }

    /**
     * A copy with one field, at the top or nested (or one item of a list), replaced by what {@code mutation} makes of
     * it; a new field where the object has none.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> replaceOneField(Map<String, Object> object, UnaryOperator<Object> mutation) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        if (copy.isEmpty()) {
            copy.put(sampler.word(5), mutation.apply(null));
            return copy;
        }
        List<String> names = new ArrayList<>(copy.keySet());
        String name = names.get(random.nextInt(names.size()));
        Object current = copy.get(name);
        if (current instanceof Map<?, ?> nested && !nested.isEmpty() && random.nextBoolean()) {
            copy.put(name, replaceOneField((Map<String, Object>) nested, mutation));
        } else if (current instanceof List<?> list && !list.isEmpty() && random.nextBoolean()) {
            List<Object> items = new ArrayList<>(list);
            int index = random.nextInt(items.size());
            items.set(index, mutation.apply(items.get(index)));
            copy.put(name, items);
        } else {
            copy.put(name, mutation.apply(current));
        }
        return copy;
    }

    private Map<String, Object> withoutSomeFields(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (random.nextInt(3) == 0) {
                copy.put(name, value);
            }
        });
        return copy;
    }

    private Map<String, Object> withExtraFields(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.put("companyId", hostile.string());
        copy.put("id", hostile.string());
        copy.put("_id", Map.of("$oid", hostile.hex(24)));
        copy.put("__proto__", Map.of("admin", true));
        copy.put("@class", "java.lang.ProcessBuilder");
        return copy;
    }
}
