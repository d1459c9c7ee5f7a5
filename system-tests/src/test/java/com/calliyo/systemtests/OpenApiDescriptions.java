package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The five API services' OpenAPI descriptions, read through the gateway (the combined Swagger UI's sources). */
final class OpenApiDescriptions {

    /** The gateway's documentation routes (gateway/src/main/resources/application.yml), by service. */
    static final Map<String, String> DOCS = Map.of(
            "lead-service", "/v3/api-docs/leads",
            "customer-service", "/v3/api-docs/customers",
            "order-service", "/v3/api-docs/orders",
            "reporting-service", "/v3/api-docs/reports",
            "webhook-service", "/v3/api-docs/webhooks");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiDescriptions() {
    }

    /** Every operation of every service, in a fixed order (so a seed replays the same requests). */
    static List<OpenApiOperation> readAll(Gateway anonymous) {
        List<OpenApiOperation> operations = new ArrayList<>();
        for (String service : DOCS.keySet().stream().sorted().toList()) {
            Gateway.Response response = anonymous.get(DOCS.get(service));
            assertThat(response.status()).as(DOCS.get(service) + ": " + response.body()).isEqualTo(200);
            operations.addAll(operationsOf(service, response.json()));
        }
        return operations;
    }

    static List<OpenApiOperation> operationsOf(String service, JsonNode description) {
        OpenApiSchemas schemas = new OpenApiSchemas(description);
        List<OpenApiOperation> operations = new ArrayList<>();
        for (String path : description.path("paths").propertyNames().stream().sorted().toList()) {
            JsonNode item = description.path("paths").path(path);
            for (String method : item.propertyNames().stream().sorted().toList()) {
                if (METHODS.contains(method)) {
                    operations.add(operation(service, method.toUpperCase(Locale.ROOT), path, item.get(method),
                            schemas));
                }
            }
        }
        return operations;
    }

    private static OpenApiOperation operation(String service, String method, String path, JsonNode operation,
                                              OpenApiSchemas schemas) {
        List<OpenApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            parameters.add(new OpenApiOperation.Parameter(parameter.path("name").asString(),
                    parameter.path("in").asString(), parameter.path("required").asBoolean(false),
                    parameter.path("schema")));
        }
        String mediaType = null;
        JsonNode bodySchema = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isEmpty()) {
            mediaType = content.propertyNames().iterator().next();
            bodySchema = content.path(mediaType).path("schema");
        }
        return new OpenApiOperation(service, method, path, List.copyOf(parameters), mediaType, bodySchema, schemas);
    }
}
