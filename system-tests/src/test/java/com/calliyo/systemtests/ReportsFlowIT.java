package com.calliyo.systemtests;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6 end to end through the gateway: a company's conversions (cohort basis, a date range) and funnel (its own
 * pipeline, in order) follow capture, conversion and un-conversion; bad report parameters are 400 problem+json.
 */
class ReportsFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
    final Gateway gateway = admin.gateway();

    @Test
    void shouldFollowCaptureConversionAndUnconversionInConversionsAndFunnel() {
        String campaign = "campaign-" + UUID.randomUUID();
        String converted = Scenario.captureLead(gateway, campaign);
        Scenario.captureLead(gateway, campaign);
        // the company signed up in Asia/Kolkata; a day either side keeps the test clear of midnight there
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        String cohort = "/api/reports/conversions?groupBy=campaign&basis=cohort&from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1);

        assertThat(gateway.patch("/api/leads/" + converted, "{\"status\":\"Customer\"}").status()).isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode report = ok(cohort);
            JsonNode row = report.get("rows").get(0);
            assertThat(row.get("key").asString()).isEqualTo(campaign);
            assertThat(row.get("leads").asLong()).isEqualTo(2);
            assertThat(row.get("conversions").asLong()).isEqualTo(1);
            assertThat(row.get("conversionRate").asDouble()).isEqualTo(0.5);
            assertThat(report.get("total").get("leads").asLong()).isEqualTo(2);
        });
        List<String> pipeline = new ArrayList<>();
        Gateway.Response statuses = gateway.get("/api/settings/statuses");
        assertThat(statuses.status()).as(statuses.body()).isEqualTo(200);
        statuses.json().forEach(status -> pipeline.add(status.get("name").asString()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode funnel = ok("/api/reports/funnel");
            assertThat(labels(funnel)).containsExactlyElementsOf(pipeline);
            assertThat(leadsOf(funnel, "Customer")).isEqualTo(1);
            assertThat(funnel.get("total").get("leads").asLong()).isEqualTo(2);
        });
        assertThat(ok("/api/reports/time-to-convert").get("total").get("conversions").asLong()).isEqualTo(1);

        assertThat(gateway.patch("/api/leads/" + converted, "{\"status\":\"Not Interested\"}").status())
                .isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode row = ok(cohort).get("rows").get(0);
            assertThat(row.get("leads").asLong()).isEqualTo(2);
            assertThat(row.get("conversions").asLong()).isZero();
            JsonNode funnel = ok("/api/reports/funnel");
            assertThat(leadsOf(funnel, "Customer")).isZero();
            assertThat(leadsOf(funnel, "Not Interested")).isEqualTo(1);
        });
        assertThat(ok("/api/reports/conversions").get("total").get("conversions").asLong()).isZero();
    }

    @Test
    void shouldAnswerBadReportParametersWithProblemJsonNamingThem() {
        Gateway.Response unknownGroup = gateway.get("/api/reports/conversions?groupBy=planet");
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(unknownGroup.json().get("errors").get(0).get("field").asString()).isEqualTo("groupBy");

        Gateway.Response backwards = gateway.get("/api/reports/revenue?from=2026-03-02&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("from");

        Gateway.Response badBasis = gateway.get("/api/reports/calls?basis=calendar");
        assertThat(badBasis.status()).isEqualTo(400);
        assertThat(badBasis.json().get("errors").get(0).get("field").asString()).isEqualTo("basis");
    }

    private JsonNode ok(String path) {
        Gateway.Response response = gateway.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> labels(JsonNode funnel) {
        List<String> labels = new ArrayList<>();
        funnel.get("rows").forEach(row -> labels.add(row.get("label").asString()));
        return labels;
    }

    private static long leadsOf(JsonNode funnel, String label) {
        for (JsonNode row : funnel.get("rows")) {
            if (label.equals(row.get("label").asString())) {
                return row.get("leads").asLong();
            }
        }
        throw new AssertionError("No funnel row " + label + " in " + funnel);
    }
}
