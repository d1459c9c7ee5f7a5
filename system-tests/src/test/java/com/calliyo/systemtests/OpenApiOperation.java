package com.calliyo.systemtests;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI description, as the gateway serves it: the path template, its parameters
 * (path, query and header) and, where it takes one, the request body's media type and schema ({@code $ref}s left in
 * place: {@link OpenApiSchemas} resolves them).
 */
record OpenApiOperation(String service, String method, String path, List<Parameter> parameters,
                        String bodyMediaType, JsonNode bodySchema, OpenApiSchemas schemas) {

    /** The operations anyone may call: the gateway rate-limits them per address, so the fuzzer calls them rarely. */
    private static final List<String> PUBLIC = List.of(
            "POST /api/companies", "POST /api/auth/login", "POST /api/webhooks/leads/{keyId}",
            "GET /.well-known/jwks.json");

    boolean takesBody() {
        return bodyMediaType != null;
    }

    boolean isPublic() {
        return PUBLIC.contains(toString());
    }

    List<Parameter> parametersIn(String in) {
        return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }
}
