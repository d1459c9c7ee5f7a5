package com.calliyo.systemtests;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps the system tests share, each through the gateway. */
final class Scenario {

    private Scenario() {
    }

    static final String PASSWORD = "system-test password";

    /** Signs up a new company through the gateway and answers the gateway as its signed-in admin. */
    static SignedIn signUpCompany(Gateway anonymous) {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        Gateway.Response created = anonymous.post("/api/companies", """
                {"companyName":"System Test Sales","timezone":"Asia/Kolkata","adminName":"Priya Admin",
                 "adminEmail":"%s","adminPassword":"%s"}""".formatted(email, PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String companyId = created.json().get("companyId").asString();
        return new SignedIn(companyId, created.json().get("adminUserId").asString(),
                anonymous.as(login(anonymous, companyId, email)), email);
    }

    /**
     * As {@link #signUpCompany(Gateway)}, with an admin who signs in again when the access token has expired: for
     * load that runs longer than a token lives (the fault tests).
     */
    static SignedIn signUpCompanyForLongRuns(Gateway anonymous) {
        SignedIn admin = signUpCompany(anonymous);
        return new SignedIn(admin.companyId(), admin.userId(),
                anonymous.renewing(() -> login(anonymous, admin.companyId(), admin.email())), admin.email());
    }

    static String login(Gateway anonymous, String companyId, String email) {
        return loginWith(anonymous, companyId, email, PASSWORD);
    }

    static String loginWith(Gateway anonymous, String companyId, String email, String password) {
        Gateway.Response login = anonymous.post("/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s"}""".formatted(companyId, email, password));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        UsedSecrets.add(password);
        if (login.json().path("refreshToken").isString()) {
            UsedSecrets.add(login.json().path("refreshToken").asString());
        }
        String accessToken = login.json().get("accessToken").asString();
        UsedSecrets.add(accessToken);
        return accessToken;
    }

    record SignedIn(String companyId, String userId, Gateway gateway, String email) {
    }

    static String captureLead(Gateway gateway, String campaign) {
        Gateway.Response created = gateway.post("/api/leads", """
                {"firstName":"Meera","lastName":"Iyer","phone":"%s","source":"system-test","campaign":"%s"}
                """.formatted(uniqueIndianMobile(), campaign));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The conversions report row of a campaign (each test uses its own, so rows don't interfere). */
    static JsonNode campaignRow(Gateway gateway, String campaign) {
        Gateway.Response report = gateway.get("/api/reports/conversions?groupBy=campaign");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        for (JsonNode row : report.json().get("rows")) {
            if (campaign.equals(row.get("key").asString())) {
                return row;
            }
        }
        throw new AssertionError("No conversions row for " + campaign + " in " + report.body());
    }

    static String uniqueIndianMobile() {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "+9197" + String.format("%08d", suffix);
    }
}
