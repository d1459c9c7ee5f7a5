package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.calliyo.localstack.ServiceModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ban, a role change, a password change and a sign-out each void the user's older access tokens in every service
 * and at the gateway within seconds, long before the tokens' 15 minutes are up. No service asks lead-service per
 * request: the change reaches them as {@code user_changed} or {@code session_ended} on {@code crm.company.events}.
 * The test waits at most {@link #PATIENCE}, far above the ~2 s the suite aims for and far below a token's lifetime;
 * the measured figure comes from {@link RevocationLatencyBenchmark}.
 */
class RevocationIT {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    /** One cheap read per service that an agent may make. */
    static final Map<ServiceModule, String> READS = Map.of(
            ServiceModule.LEAD_SERVICE, "/api/leads",
            ServiceModule.CUSTOMER_SERVICE, "/api/customers",
            ServiceModule.ORDER_SERVICE, "/api/orders/settings",
            ServiceModule.REPORTING_SERVICE, "/api/reports/funnel");

    final Suite suite = Suite.shared();
    final Gateway anonymous = suite.gateway();

    @ParameterizedTest
    @EnumSource(Revocation.class)
    void shouldRefuseTheOlderTokensEverywhereWithinSeconds(Revocation revocation) {
        Agent agent = Agent.create(anonymous);
        Gateway withOldToken = anonymous.as(agent.accessToken());
        List<Target> targets = targets(agent.accessToken());
        targets.forEach(target -> assertThat(target.read().status()).as(target.name()).isEqualTo(200));

        Gateway.Response change = revocation.apply(agent, withOldToken);
        assertThat(change.status()).as(change.body()).isBetween(200, 204);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> targets.forEach(target -> {
            Gateway.Response refused = target.read();
            assertThat(refused.status()).as(target.name() + ": " + refused.body()).isEqualTo(401);
            assertThat(refused.isProblem()).as(target.name()).isTrue();
        }));

        if (revocation != Revocation.BAN) {
            // The user may go on working: a fresh sign-in gives a token every service accepts.
            Gateway fresh = anonymous.as(Scenario.loginWith(anonymous, agent.companyId(), agent.email(),
                    revocation == Revocation.PASSWORD_CHANGE ? Revocation.NEW_PASSWORD : Scenario.PASSWORD));
            targets(fresh.accessToken()).forEach(target ->
                    assertThat(target.read().status()).as(target.name()).isEqualTo(200));
        } else {
            assertThat(anonymous.post("/api/auth/login", agent.loginBody(Scenario.PASSWORD)).status())
                    .isEqualTo(401);
        }
    }

    /** Every read through the gateway and, where the test started the stack, straight to each service. */
    List<Target> targets(String accessToken) {
        List<Target> targets = new ArrayList<>();
        READS.forEach((module, path) -> {
            targets.add(new Target("gateway " + path, anonymous.as(accessToken), path));
            suite.direct(module).ifPresent(direct ->
                    targets.add(new Target(module + " " + path, direct.as(accessToken), path)));
        });
        return targets;
    }

    record Target(String name, Gateway client, String path) {

        Gateway.Response read() {
            return client.get(path);
        }
    }

    /** The four changes that must end a user's older tokens. */
    enum Revocation {
        BAN, ROLE_CHANGE, PASSWORD_CHANGE, LOGOUT;

        static final String NEW_PASSWORD = "a brand new system-test password";

        Gateway.Response apply(Agent agent, Gateway asAgent) {
            return switch (this) {
                case BAN -> agent.admin().patch("/api/users/" + agent.userId(), "{\"banned\":true}");
                case ROLE_CHANGE -> agent.admin().patch("/api/users/" + agent.userId(), "{\"role\":\"MANAGER\"}");
                case PASSWORD_CHANGE -> agent.admin().patch("/api/users/" + agent.userId(),
                        "{\"password\":\"" + NEW_PASSWORD + "\"}");
                case LOGOUT -> asAgent.post("/api/auth/logout", "{}");
            };
        }
    }

    /** A new company's agent, signed in, and the company's admin. */
    record Agent(String companyId, String userId, String email, String accessToken, Gateway admin) {

        static Agent create(Gateway anonymous) {
            Scenario.SignedIn company = Scenario.signUpCompany(anonymous);
            String email = "agent-" + UUID.randomUUID() + "@example.com";
            Gateway.Response created = company.gateway().post("/api/users", """
                    {"name":"Revoked Agent","email":"%s","password":"%s","role":"AGENT"}"""
                    .formatted(email, Scenario.PASSWORD));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return new Agent(company.companyId(), created.json().get("id").asString(), email,
                    Scenario.login(anonymous, company.companyId(), email), company.gateway());
        }

        String loginBody(String password) {
            return """
                    {"companyId":"%s","email":"%s","password":"%s"}""".formatted(companyId, email, password);
        }
    }
}
