package com.calliyo.systemtests;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.localstack.ServiceModule;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * lead-service rotates its signing key several times (through its operator endpoint, on its own port) while clients
 * call every service through the gateway, with tokens signed before the rotations and with fresh ones: no request
 * fails. The gateway and the other services verify tokens with the JWK Set they fetched earlier and fetch it again
 * when a token names a key id they do not know, so they follow without a change of their own. The operator endpoint
 * is not reachable through the gateway.
 */
class KeyRotationIT {

    static final int CLIENTS = 4;
    static final int ROTATIONS = 4;
    static final long MILLIS_BETWEEN_ROTATIONS = 1500;

    final Suite suite = Suite.shared();
    final Gateway anonymous = suite.gateway();

    @Test
    void shouldAnswerEveryRequestThroughTheGatewayWhileLeadServiceRotatesItsKeys() throws Exception {
        Gateway lead = suite.direct(ServiceModule.LEAD_SERVICE).orElse(null);
        String password = suite.operatorPassword().orElse(null);
        assumeTrue(lead != null && password != null, "needs lead-service's own port and the operator password");
        Map<String, String> operator = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)));
        Scenario.SignedIn company = Scenario.signUpCompany(anonymous);
        String firstKid = json(lead.send("GET", "/actuator/signingkeys", null, operator)).get("currentKid").asString();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<ServiceModule, Set<String>> kidsAccepted = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loops = new ArrayList<>();
        Set<String> rotatedTo = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String email = "rotation-" + UUID.randomUUID() + "@example.com";
                Gateway.Response created = company.gateway().post("/api/users", """
                        {"name":"Rotation Client","email":"%s","password":"%s","role":"ADMIN"}"""
                        .formatted(email, Scenario.PASSWORD));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String kept = Scenario.login(anonymous, company.companyId(), email);
                loops.add(pool.submit(() -> {
                    int round = 0;
                    while (running.get()) {
                        // a token from before the rotations, or one signed just now with whatever key is current
                        String token = round % 4 == 3 ? Scenario.login(anonymous, company.companyId(), email) : kept;
                        for (Map.Entry<ServiceModule, String> read : RevocationIT.READS.entrySet()) {
                            Gateway.Response response = anonymous.as(token).get(read.getValue());
                            requests.incrementAndGet();
                            if (response.status() == 200) {
                                kidsAccepted.computeIfAbsent(read.getKey(), any -> ConcurrentHashMap.newKeySet())
                                        .add(kid(token));
                            } else {
                                failures.merge(read.getKey() + " " + response.status() + " " + response.body(), 1,
                                        Integer::sum);
                            }
                        }
                        round++;
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < ROTATIONS; i++) {
                Thread.sleep(MILLIS_BETWEEN_ROTATIONS);
                Gateway.Response rotation = lead.send("POST", "/actuator/signingkeys", null, operator);
                assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
                rotatedTo.add(json(rotation).get("currentKid").asString());
            }
            Thread.sleep(MILLIS_BETWEEN_ROTATIONS);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            pool.shutdownNow();
        }

        System.out.printf("Key rotation through the gateway: %d requests from %d clients to 4 services during %d"
                + " rotations; kids accepted per service %s; failures %s%n", requests.get(), CLIENTS, ROTATIONS,
                kidsAccepted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList(), failures);
        assertThat(failures).isEmpty();
        assertThat(rotatedTo).hasSize(ROTATIONS).doesNotContain(firstKid);
        for (ServiceModule service : RevocationIT.READS.keySet()) {
            assertThat(kidsAccepted.get(service)).as("keys whose tokens %s accepted", service)
                    .contains(firstKid).containsAnyElementsOf(rotatedTo);
        }
    }

    @Test
    void shouldNotExposeTheOperatorEndpointThroughTheGateway() {
        String password = suite.operatorPassword().orElse("any password");
        Map<String, String> operator = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)));
        Scenario.SignedIn company = Scenario.signUpCompany(anonymous);

        for (String method : List.of("GET", "POST")) {
            Gateway.Response withOperator = anonymous.send(method, "/actuator/signingkeys", null, operator);
            Gateway.Response withUser = company.gateway().send(method, "/actuator/signingkeys", null);
            assertThat(withOperator.status()).as(method + " " + withOperator.body()).isIn(401, 403, 404);
            assertThat(withUser.status()).as(method + " " + withUser.body()).isIn(401, 403, 404);
            assertThat(withOperator.body()).doesNotContain("currentKid");
            assertThat(withUser.body()).doesNotContain("currentKid");
        }
        suite.direct(ServiceModule.LEAD_SERVICE).ifPresent(lead -> assertThat(
                lead.as(company.gateway().accessToken()).get("/actuator/signingkeys").status())
                .as("a user's token on lead-service's own port").isEqualTo(401));
    }

    static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static tools.jackson.databind.JsonNode json(Gateway.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
