package com.calliyo.systemtests;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link Tenant} with what the fuzzer needs on top: a user it may change at will (so the admin, manager and agent
 * who send the requests keep their roles, passwords and tokens), a public-API key, and the real ids to put in paths,
 * query parameters and bodies, so that part of the requests get past the "not found" and run the deeper code.
 */
record FuzzCompany(Tenant tenant, String targetUserId, String apiKeyId) {

    static FuzzCompany create(Gateway anonymous) {
        Tenant tenant = Tenant.create(anonymous);
        Gateway.Response user = tenant.admin().post("/api/users", """
                {"name":"Fuzz Target","email":"fuzz-target-%s@example.com","password":"%s","role":"AGENT"}"""
                .formatted(UUID.randomUUID(), Scenario.PASSWORD));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        Gateway.Response apiKey = tenant.admin().post("/api/settings/api-keys",
                "{\"name\":\"Fuzz key\",\"scopes\":[\"leads:write\"]}");
        assertThat(apiKey.status()).as(apiKey.body()).isIn(200, 201);
        return new FuzzCompany(tenant, user.json().get("id").asString(), apiKey.json().get("id").asString());
    }

    /**
     * The real ids for a path variable, by the collection it names (the segment before it, e.g. {@code users} in
     * {@code /api/users/{id}}); empty where this company has none of that kind (an import's id).
     */
    List<String> idsForCollection(String service, String collection) {
        Map<String, String> ids = tenant.ids();
        return switch (collection) {
            case "users" -> List.of(targetUserId);
            case "statuses" -> List.of(ids.get("statusId"));
            case "leads" -> List.of(service.equals("lead-service") ? ids.get("leadId") : tenant.customerLeadId());
            case "customers" -> List.of(tenant.customerLeadId());
            case "follow-ups" -> List.of(ids.get("followUpId"));
            case "webhook-keys" -> List.of(ids.get("keyId"));
            case "api-keys" -> List.of(apiKeyId);
            case "orders" -> List.of(ids.get("orderId"));
            case "settings" -> List.of("auto-assignment", "top-up");
            default -> List.of();
        };
    }

    /** The real ids for a parameter or body field named like one ({@code leadId}, {@code agentId}, ...). */
    List<String> idsForName(String service, String name) {
        Map<String, String> ids = tenant.ids();
        return switch (name) {
            case "leadId" -> List.of(service.equals("lead-service") ? ids.get("leadId") : tenant.customerLeadId());
            case "agentId", "assignedTo" -> List.of(ids.get("userId"), targetUserId);
            case "leadIds" -> List.of(ids.get("leadId"), tenant.customerLeadId());
            case "ids" -> List.of(ids.get("statusId"));
            default -> List.of();
        };
    }
}
