package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every operation of the four services' OpenAPI descriptions through the gateway, as a signed-in admin,
 * manager and agent of a company of its own: requests made from each description with a seeded {@link Random}
 * (random, truncated and hostile bodies; hostile query parameters and headers; the company's real ids, another
 * company's, and ids that are not ids). Every answer must be below 500, every 4xx problem+json, and no body may hold
 * a stack trace. {@code -Dfuzz.seed=N} replays a run (the seed is printed), {@code -Dfuzz.requests=N} sets the budget.
 */
class OpenApiFuzzIT {

    static final int DEFAULT_REQUESTS = 1_500;

    /** The gateway limits anonymous callers per address: the public operations get only a few requests each. */
    static final int PER_PUBLIC_OPERATION = 10;

    static final String SIGN_OUT = "/api/auth/logout";

    final Suite suite = Suite.shared();
    final Gateway anonymous = suite.gateway();

    @Test
    void shouldAnswerEveryFuzzedRequestBelow500WithProblemJsonForEvery4xxAndNoStackTrace() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int budget = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.printf("[fuzz] seed %d, %d requests (replay: -Dfuzz.seed=%d -Dfuzz.requests=%d)%n", seed, budget,
                seed, budget);
        List<OpenApiOperation> operations = OpenApiDescriptions.readAll(anonymous);
        assertThat(operations).extracting(OpenApiOperation::service).containsAll(OpenApiDescriptions.DOCS.keySet());
        FuzzCompany own = FuzzCompany.create(anonymous);
        FuzzCompany other = FuzzCompany.create(anonymous);
        Map<String, Gateway> callers = Map.of("ADMIN", own.tenant().admin(), "MANAGER", own.tenant().manager(),
                "AGENT", own.tenant().agent(), "ANONYMOUS", anonymous);
        Random random = new Random(seed);
        FuzzRequestFactory requests = new FuzzRequestFactory(random, own, other);

        List<OpenApiOperation> schedule = schedule(operations, budget, random);
        Map<String, Integer> byStatusClass = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> offendingOperations = new TreeMap<>();
        List<String> offenders = new ArrayList<>();
        long started = System.nanoTime();
        for (int sent = 0; sent < schedule.size(); sent++) {
            FuzzRequest request = requests.next(schedule.get(sent));
            Gateway.Response answer = callerFor(request, callers, own)
                    .send(request.method(), request.pathAndQuery(), request.body(), request.headers());
            byStatusClass.merge(answer.status() / 100 + "xx", 1, Integer::sum);
            byStatus.merge(answer.status(), 1, Integer::sum);
            List<String> violations = FuzzAnswerCheck.violations(answer);
            if (!violations.isEmpty()) {
                offenders.add(describe(request, answer, violations));
                violations.forEach(violation -> offendingOperations.merge(
                        request.operation() + ": " + violation, 1, Integer::sum));
            }
            if ((sent + 1) % 250 == 0) {
                System.out.printf("[fuzz] %d sent, %d offenders so far%n", sent + 1, offenders.size());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("[fuzz] %d requests over %d operations in %d s: %s %s; %d offenders (seed %d)%n",
                schedule.size(), operations.size(), took.toSeconds(), byStatusClass, byStatus, offenders.size(),
                seed);
        offendingOperations.forEach((what, count) -> System.out.printf("[fuzz]   %3d × %s%n", count, what));
        offenders.forEach(offender -> System.out.println("[fuzz] " + offender));
        if (budget >= operations.size()) {
            assertThat(schedule).as("every operation gets requests").containsAll(operations);
        }
        assertThat(offenders).as("answers that break the rules (seed %d, replay with -Dfuzz.seed=%d)", seed, seed)
                .isEmpty();
    }

    /**
     * Signing out ends the session of the token it is sent with, in every service within a second: a sign-out is
     * sent with a fresh session of the same person, so the callers keep theirs for the rest of the run.
     */
    private Gateway callerFor(FuzzRequest request, Map<String, Gateway> callers, FuzzCompany own) {
        String email = own.tenant().ids().get(request.caller() + ".email");
        if (request.pathAndQuery().startsWith(SIGN_OUT) && email != null) {
            return anonymous.as(Scenario.login(anonymous, own.tenant().companyId(), email));
        }
        return callers.get(request.caller());
    }

    /**
     * The operations to call, {@code budget} in all: round after round of every operation in a shuffled order, the
     * public ones dropped once they have had their few.
     */
    private static List<OpenApiOperation> schedule(List<OpenApiOperation> operations, int budget, Random random) {
        List<OpenApiOperation> schedule = new ArrayList<>();
        Map<OpenApiOperation, Integer> publicCalls = new HashMap<>();
        int before = -1;
        while (schedule.size() < budget && schedule.size() > before) {
            before = schedule.size();
            List<OpenApiOperation> round = new ArrayList<>(operations);
            Collections.shuffle(round, random);
            for (OpenApiOperation operation : round) {
                if (schedule.size() == budget) {
                    break;
                }
                if (operation.isPublic() && publicCalls.merge(operation, 1, Integer::sum) > PER_PUBLIC_OPERATION) {
                    continue;
                }
                schedule.add(operation);
            }
        }
        return schedule;
    }

    private String describe(FuzzRequest request, Gateway.Response answer, List<String> violations) {
        return String.join("; ", violations) + " ← " + request + "\n    answer " + answer.status() + " "
                + answer.contentType() + ": " + FuzzRequest.shorten(answer.body(), 500)
                + "\n    repeat: " + request.curl(anonymous.baseUrl());
    }
}
