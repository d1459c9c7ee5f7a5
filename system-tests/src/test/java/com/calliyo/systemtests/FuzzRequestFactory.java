package com.calliyo.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Makes the fuzzer's requests from an operation's description: path ids (the company's own, another company's, or
 * hostile), query parameters and headers (valid or hostile), and a body from {@link FuzzBodies}. Every choice comes
 * from the one seeded {@link Random}, so a seed replays the same kinds of request (the ids are new each run).
 */
final class FuzzRequestFactory {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    /** Reactor Netty's limit for the request line is 4 KB; a longer one never reaches a service. */
    private static final int MAX_PATH_AND_QUERY = 3_900;

    /** The gateway checks the token itself; the fuzzer leaves it alone (the security matrix covers it). */
    private static final String AUTHORIZATION = "Authorization";

    private static final List<String> CALLERS = List.of("ADMIN", "MANAGER", "AGENT");

    private final Random random;
    private final HostileInput hostile;
    private final SchemaSampler sampler;
    private final FuzzBodies bodies;
    private final FuzzCompany own;
    private final FuzzCompany other;

    FuzzRequestFactory(Random random, FuzzCompany own, FuzzCompany other) {
        this.random = random;
        this.hostile = new HostileInput(random);
        this.sampler = new SchemaSampler(random, own);
        this.bodies = new FuzzBodies(random, hostile, sampler);
        this.own = own;
        this.other = other;
    }

    FuzzRequest next(OpenApiOperation operation) {
        String caller = operation.isPublic() ? "ANONYMOUS" : hostile.pick(CALLERS);
        String path = path(operation);
        String pathAndQuery = path + query(operation, MAX_PATH_AND_QUERY - path.length());
        Map<String, String> headers = headers(operation);
        FuzzBodies.Body body = null;
        if (operation.takesBody()) {
            body = bodies.forOperation(operation);
        } else if (random.nextInt(10) == 0) {
            body = bodies.unexpected();
        }
        if (body != null) {
            headers.put("Content-Type", body.contentType());
        }
        return new FuzzRequest(operation, caller, operation.method(), pathAndQuery, headers,
                body == null ? null : body.text(), body == null ? "none" : body.kind());
    }

    private String path(OpenApiOperation operation) {
        Matcher matcher = PATH_VARIABLE.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String before = operation.path().substring(0, matcher.start());
            // A variable is named after the collection before it, except the web form's key (/webhooks/leads/...).
            String collection = matcher.group(1).equals("keyId") ? "webhook-keys"
                    : before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            matcher.appendReplacement(path, Matcher.quoteReplacement(pathId(operation.service(), collection)));
        }
        return matcher.appendTail(path).toString();
    }

    private String pathId(String service, String collection) {
        int roll = random.nextInt(100);
        List<String> owned = own.idsForCollection(service, collection);
        List<String> foreign = other.idsForCollection(service, collection);
        if (roll < 45 && !owned.isEmpty()) {
            return FuzzEncoding.pathSegment(hostile.pick(owned));
        }
        if (roll < 60 && !foreign.isEmpty()) {
            return FuzzEncoding.pathSegment(hostile.pick(foreign));
        }
        return hostile.encodedPathId();
    }

    private String query(OpenApiOperation operation, int room) {
        StringBuilder query = new StringBuilder();
        for (OpenApiOperation.Parameter parameter : operation.parametersIn("query")) {
            if (!parameter.required() && random.nextInt(10) >= 7) {
                continue;
            }
            String pair = FuzzEncoding.queryValue(parameter.name()) + "="
                    + FuzzEncoding.queryValue(queryValue(operation, parameter));
            if (query.length() + pair.length() + 1 <= room) {
                query.append(query.isEmpty() ? "?" : "&").append(pair);
            }
        }
        return query.toString();
    }

    private String queryValue(OpenApiOperation operation, OpenApiOperation.Parameter parameter) {
        if (random.nextInt(100) < 55) {
            List<String> foreign = other.idsForName(operation.service(), parameter.name());
            if (!foreign.isEmpty() && random.nextInt(4) == 0) {
                return hostile.pick(foreign);
            }
            return String.valueOf(sampler.sample(operation, parameter.schema(), parameter.name()));
        }
        JsonNode schema = operation.schemas().resolve(parameter.schema());
        String type = schema.path("type").asString();
        if (type.equals("integer") || type.equals("number")) {
            return hostile.numberAsText();
        }
        if (schema.path("format").asString().startsWith("date") || List.of("from", "to").contains(parameter.name())) {
            return hostile.date();
        }
        if (type.equals("boolean")) {
            return hostile.pick(List.of("yes", "2", "", "TRUE ", "nope", "1", "-1", "null"));
        }
        return hostile.string();
    }

    private Map<String, String> headers(OpenApiOperation operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (OpenApiOperation.Parameter parameter : operation.parametersIn("header")) {
            if (parameter.name().equalsIgnoreCase(AUTHORIZATION) || (!parameter.required() && random.nextBoolean())) {
                continue;
            }
            headers.put(parameter.name(), headerValue(parameter.name()));
        }
        return headers;
    }

    private String headerValue(String name) {
        if (random.nextBoolean()) {
            return switch (name) {
                case "X-Confirm-Password" -> Scenario.PASSWORD;
                case "Idempotency-Key" -> new UUID(random.nextLong(), random.nextLong()).toString();
                case "Origin" -> "https://shop.example.com";
                case "Referer" -> "https://shop.example.com/contact";
                case "Prefer" -> "respond-async";
                default -> sampler.word(12);
            };
        }
        return hostile.headerValue();
    }
}
