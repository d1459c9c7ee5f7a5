package com.calliyo.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A company with one of everything the contract names by id (a user, a status, a lead, a follow-up, a webhook key,
 * a customer and, where order-service takes it, an order) and a signed-in admin, manager and agent.
 */
record Tenant(String companyId, Gateway admin, Gateway manager, Gateway agent, Map<String, String> ids,
              String customerLeadId, boolean orderCreated) {

    static final String NO_ORDER = "order-none-0000";

    static Tenant create(Gateway anonymous) {
        Scenario.SignedIn signedIn = Scenario.signUpCompany(anonymous);
        Gateway admin = signedIn.gateway();
        User managerUser = addUser(admin, "MANAGER");
        User agentUser = addUser(admin, "AGENT");
        Gateway manager = anonymous.as(Scenario.login(anonymous, signedIn.companyId(), managerUser.email()));
        Gateway agent = anonymous.as(Scenario.login(anonymous, signedIn.companyId(), agentUser.email()));

        String statusId = created(admin.post("/api/settings/statuses",
                "{\"name\":\"Matrix " + UUID.randomUUID().toString().substring(0, 8) + "\"}")).get("id").asString();
        String leadId = Scenario.captureLead(admin, "matrix-" + UUID.randomUUID());
        String followUpId = created(admin.post("/api/leads/" + leadId + "/follow-ups",
                "{\"scheduledAt\":\"" + Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS) + "\"}"))
                .get("followUp").get("id").asString();
        String keyId = created(admin.post("/api/settings/webhook-keys",
                "{\"name\":\"Site form\",\"allowedDomains\":[\"shop.example.com\"]}")).get("id").asString();

        // An outbound webhook to a public address for an event the matrix never causes: nothing is ever sent to it.
        String subscriptionId = created(admin.post("/api/settings/webhooks",
                "{\"url\":\"https://8.8.8.8/calliyo-matrix\",\"events\":[\"order.payment_status_changed\"]}"))
                .get("id").asString();
        String customerLeadId = Scenario.captureLead(admin, "matrix-" + UUID.randomUUID());
        Gateway.Response converted = admin.patch("/api/leads/" + customerLeadId, "{\"status\":\"Customer\"}");
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/customers/" + customerLeadId).status() == 200);
        Gateway.Response order = admin.post("/api/orders", """
                {"leadId":"%s","plan":"Pro","amount":"1000.00","paymentStatus":"PENDING"}""".formatted(customerLeadId));
        boolean orderCreated = order.status() == 201;

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("userId", agentUser.id());
        ids.put("statusId", statusId);
        ids.put("leadId", leadId);
        ids.put("followUpId", followUpId);
        ids.put("keyId", keyId);
        ids.put("subscriptionId", subscriptionId);
        ids.put("deliveryId", "delivery-none-" + UUID.randomUUID());
        ids.put("orderId", orderCreated ? order.json().get("id").asString() : NO_ORDER);
        ids.put("managerId", managerUser.id());
        ids.put("adminId", signedIn.userId());
        ids.put("companyId", signedIn.companyId());
        // For a fresh sign-in of the same person (a request that ends its own session must not end the caller's).
        ids.put("ADMIN.email", signedIn.email());
        ids.put("MANAGER.email", managerUser.email());
        ids.put("AGENT.email", agentUser.email());
        return new Tenant(signedIn.companyId(), admin, manager, agent, Map.copyOf(ids), customerLeadId,
                orderCreated);
    }

    /** The ids a path of this route takes: customers and orders are about the converted lead. */
    Map<String, String> idsFor(ContractRoute route) {
        if (route.service().equals("lead-service")) {
            return ids;
        }
        Map<String, String> forCustomer = new LinkedHashMap<>(ids);
        forCustomer.put("leadId", customerLeadId);
        return forCustomer;
    }

    /** Everything of this company another company must never see. */
    List<String> secrets() {
        return Stream.concat(ids.values().stream().filter(id -> !id.equals(NO_ORDER)), Stream.of(customerLeadId))
                .toList();
    }

    private static User addUser(Gateway admin, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        return new User(created(admin.post("/api/users", """
                {"name":"Matrix %s","email":"%s","password":"%s","role":"%s"}"""
                .formatted(role, email, Scenario.PASSWORD, role))).get("id").asString(), email);
    }

    private record User(String id, String email) {
    }

    private static JsonNode created(Gateway.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
