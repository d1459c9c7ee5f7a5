package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another user's conversion → the Customers list open in a real Chromium shows the customer, without a reload: the
 * time from just before the agent's {@code PATCH} is sent to the moment the name is in the page (a
 * MutationObserver stamps it; browser and JVM share the machine's clock). Reported, never asserted (only that
 * every conversion showed up). Not part of the build (surefire runs {@code *Test}); against a running local stack:
 * <pre>
 * CALLIYO_RATE_LIMIT_ENABLED=false ./scripts/run-local.sh --in-memory      # in another terminal
 * ./mvnw -B -o -pl system-tests test -Dtest=WebLiveUpdateBenchmark -Dbench.gateway=http://localhost:8080
 * </pre>
 * Options: {@code -Dbench.conversions=40}, {@code -Dbench.pauseMillis=500} between conversions.
 */
class WebLiveUpdateBenchmark {

    private static final String STAMP_ARRIVALS = """
            window.seenAt = {};
            window.awaited = null;
            new MutationObserver(function () {
              var name = window.awaited;
              if (name && !window.seenAt[name] && document.body.textContent.indexOf(name) >= 0) {
                window.seenAt[name] = Date.now();
              }
            }).observe(document.body, {childList: true, subtree: true, characterData: true});
            """;

    @Test
    void measureConversionToCustomersListUpdate() throws Exception {
        String gatewayUrl = System.getProperty("bench.gateway", "http://localhost:8080");
        int conversions = Integer.getInteger("bench.conversions", 40);
        long pause = Long.getLong("bench.pauseMillis", 500);

        Gateway anonymous = new Gateway(gatewayUrl);
        Scenario.SignedIn company = Scenario.signUpCompany(anonymous);
        String agentEmail = "agent-" + UUID.randomUUID() + "@example.com";
        Gateway.Response agent = company.gateway().post("/api/users", """
                {"name":"Bench Agent","email":"%s","password":"%s","role":"AGENT"}
                """.formatted(agentEmail, Scenario.PASSWORD));
        assertThat(agent.status()).as(agent.body()).isEqualTo(201);
        Gateway agentApi = anonymous.as(Scenario.login(anonymous, company.companyId(), agentEmail));
        String agentId = agent.json().get("id").asString();

        List<Long> visible = new ArrayList<>();
        List<Long> patch = new ArrayList<>();
        try (Browser browser = Browser.open(gatewayUrl, Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, company.email());
            screen.heading("Dashboard");
            screen.open("/customers");
            screen.awaitText("No customers yet.", false);
            browser.driver().executeScript(STAMP_ARRIVALS);
            Thread.sleep(1000); // the page's stream is open

            for (int i = 0; i < conversions; i++) {
                String name = "Bench" + i + " " + UUID.randomUUID().toString().substring(0, 6);
                String leadId = WebLiveUpdatesIT.lead(company.gateway(), name);
                assertThat(company.gateway().put("/api/leads/" + leadId + "/assignee",
                        "{\"agentId\":\"" + agentId + "\"}").status()).isEqualTo(200);
                browser.driver().executeScript("window.awaited = arguments[0];", name);

                long sent = System.currentTimeMillis();
                Gateway.Response converted = agentApi.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
                patch.add(System.currentTimeMillis() - sent);
                assertThat(converted.status()).as(converted.body()).isEqualTo(200);

                Long seenAt = null;
                for (long deadline = sent + 15_000; seenAt == null && System.currentTimeMillis() < deadline; ) {
                    Thread.sleep(10);
                    Object stamp = browser.driver().executeScript("return window.seenAt[arguments[0]] || null;", name);
                    seenAt = stamp == null ? null : ((Number) stamp).longValue();
                }
                assertThat(seenAt).as("%s shown without a reload", name).isNotNull();
                visible.add(seenAt - sent);
                Thread.sleep(pause);
            }
        }
        System.out.printf(Locale.ROOT, "%nconversion -> Customers list updated in the browser (%d conversions)%n",
                conversions);
        System.out.printf(Locale.ROOT, "  visible in the page   p50 %4d ms  p99 %4d ms  max %4d ms%n",
                percentile(visible, 50), percentile(visible, 99), Collections.max(visible));
        System.out.printf(Locale.ROOT, "  of which the PATCH    p50 %4d ms  p99 %4d ms%n",
                percentile(patch, 50), percentile(patch, 99));
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
