package com.calliyo.systemtests;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps the system tests share, each through the gateway. */
final class Scenario {

    private Scenario() {
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
