package com.calliyo.systemtests;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sign-up and sign-in through the gateway, and one company never seeing another's data. */
class SignInAndIsolationIT {

    final Suite suite = Suite.shared();
    final Gateway anonymous = suite.gateway();

    @Test
    void shouldRefuseEveryServiceWithoutATokenButServeTheKeysPublicly() {
        for (String path : new String[] {"/api/leads/" + UUID.randomUUID(), "/api/customers/" + UUID.randomUUID(),
                "/api/reports/conversions?groupBy=source"}) {
            Gateway.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().get("status").asInt()).isEqualTo(401);
        }
        assertThat(anonymous.get("/.well-known/jwks.json").json().get("keys")).isNotEmpty();
    }

    @Test
    void shouldKeepEachCompanysLeadsCustomersAndFiguresToItself() {
        Scenario.SignedIn acme = Scenario.signUpCompany(anonymous);
        Scenario.SignedIn rival = Scenario.signUpCompany(anonymous);
        String campaign = "campaign-" + UUID.randomUUID();
        String leadId = Scenario.captureLead(acme.gateway(), campaign);
        acme.gateway().patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> acme.gateway().get("/api/customers/" + leadId).status() == 200);

        assertThat(rival.gateway().get("/api/leads/" + leadId).status()).isEqualTo(404);
        assertThat(rival.gateway().patch("/api/leads/" + leadId, "{\"status\":\"Interested\"}").status())
                .isEqualTo(404);
        assertThat(rival.gateway().get("/api/customers/" + leadId).status()).isEqualTo(404);
        assertThat(rival.gateway().get("/api/reports/conversions?groupBy=campaign").body()).doesNotContain(campaign);
        assertThat(acme.gateway().get("/api/leads/" + leadId).json().get("status").get("name").asString())
                .isEqualTo("Customer");
    }

    @Test
    void shouldLetAnAdminAddAnAgentWhoSignsInWithTheirOwnRole() {
        Scenario.SignedIn acme = Scenario.signUpCompany(anonymous);
        String email = "agent-" + UUID.randomUUID() + "@example.com";

        Gateway.Response created = acme.gateway().post("/api/users", """
                {"name":"Ravi Agent","email":"%s","password":"%s","role":"AGENT","leadCap":40}"""
                .formatted(email, Scenario.PASSWORD));
        Gateway agent = anonymous.as(Scenario.login(anonymous, acme.companyId(), email));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(agent.get("/api/users").status()).isEqualTo(403);
        assertThat(agent.get("/api/settings/company").json().get("companyName").asString())
                .isEqualTo("System Test Sales");
    }
}
