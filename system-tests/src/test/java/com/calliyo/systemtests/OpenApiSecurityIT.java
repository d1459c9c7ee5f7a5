package com.calliyo.systemtests;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API service's description, as the gateway's Swagger UI reads it, declares the bearer token its operations
 * take: a scheme of type http/bearer and a document-wide requirement of it (what makes "Authorize" work).
 */
class OpenApiSecurityIT {

    final Suite suite = Suite.shared();

    @Test
    void shouldDeclareTheBearerSchemeInEveryServicesDescription() {
        for (Map.Entry<String, String> docs : OpenApiDescriptions.DOCS.entrySet()) {
            Gateway.Response response = suite.gateway().get(docs.getValue());
            assertThat(response.status()).as("%s: %s", docs.getValue(), response.body()).isEqualTo(200);
            JsonNode description = response.json();
            assertThat(description.at("/components/securitySchemes/bearer/type").asString()).as(docs.getKey())
                    .isEqualTo("http");
            assertThat(description.at("/components/securitySchemes/bearer/scheme").asString()).as(docs.getKey())
                    .isEqualTo("bearer");
            assertThat(description.path("security").findValues("bearer")).as("%s: security", docs.getKey())
                    .isNotEmpty();
        }
    }
}
