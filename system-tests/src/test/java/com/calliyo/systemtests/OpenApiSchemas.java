package com.calliyo.systemtests;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** The {@code components.schemas} of one description, so that a {@code $ref} can be followed. */
final class OpenApiSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private final JsonNode components;

    OpenApiSchemas(JsonNode description) {
        this.components = description.path("components").path("schemas");
    }

    /** The schema itself, following {@code $ref}s; an empty schema (anything goes) for a reference it cannot find. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asString();
            current = ref.startsWith(PREFIX) ? components.path(ref.substring(PREFIX.length())) : MissingNode.getInstance();
        }
        return current == null ? MissingNode.getInstance() : current;
    }
}
