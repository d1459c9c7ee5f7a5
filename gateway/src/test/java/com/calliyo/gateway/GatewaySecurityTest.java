package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.calliyo.lead.events.UserChanged;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's half of the security matrix, against stub services: every route of the contract that needs a token
 * refuses each kind of bad token with 401 problem+json before anything is routed; public routes are routed
 * without one. (Roles and company isolation are the services' half: system-tests' SecurityMatrixIT.)
 */
class GatewaySecurityTest extends StubbedGateway {

    @Autowired
    RevokedAccess revoked;

    static Stream<Arguments> everyProtectedRouteWithEveryBadToken() {
        List<BadToken> badTokens = List.of(
                new BadToken("missing", () -> null),
                new BadToken("expired", TOKENS::expired),
                new BadToken("forged", TOKENS::forged),
                new BadToken("alg=none", TOKENS::algNone),
                new BadToken("wrong issuer", TOKENS::wrongIssuer),
                new BadToken("not a JWT", () -> "not-a-token"));
        return ContractRoute.needingAToken().stream()
                .flatMap(route -> badTokens.stream().map(token -> Arguments.of(route, token)));
    }

    @ParameterizedTest(name = "{0} with a {1} token")
    @MethodSource("everyProtectedRouteWithEveryBadToken")
    void shouldRefuseEveryProtectedRouteWithABadTokenBeforeRouting(ContractRoute route, BadToken badToken) {
        String token = badToken.token().get();
        WebTestClient.RequestBodySpec request = anonymous.method(HttpMethod.valueOf(route.method()))
                .uri(route.examplePath());
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }

        request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                .expectHeader().exists(RequestIdFilter.HEADER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.instance").isEqualTo(route.examplePath().replaceAll("\\?.*", ""))
                .jsonPath("$.trace").doesNotExist();

        SERVICES.forEach((name, stub) -> assertThat(stub.hits()).as(name).isZero());
    }

    @Test
    void shouldRefuseARevokedUsersTokenBeforeRouting() {
        String user = "user-" + UUID.randomUUID();
        String token = TOKENS.valid(user, "company-1", "AGENT");
        anonymous.get().uri("/api/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
        int routedBefore = SERVICES.get("lead-service").hits();

        revoked.apply(new UserChanged("company-1", user, 2, Instant.now(), "admin-1", "Agent", "AGENT", true,
                Instant.now()));

        anonymous.get().uri("/api/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(SERVICES.get("lead-service").hits()).isEqualTo(routedBefore);
    }

    @ParameterizedTest(name = "{0} with a valid token")
    @MethodSource("com.calliyo.gateway.ContractRoute#needingAToken")
    void shouldRouteEveryProtectedRouteWithAValidToken(ContractRoute route) {
        client.method(HttpMethod.valueOf(route.method())).uri(route.examplePath())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(route.service());
    }

    @ParameterizedTest(name = "{0} without a token, or with an expired one")
    @MethodSource("publicRoutes")
    void shouldRoutePublicRoutesWithoutAToken(ContractRoute route) {
        anonymous.method(HttpMethod.valueOf(route.method())).uri(route.examplePath())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(route.service());
        // A stale token left in a client must not turn a login into a 401.
        anonymous.method(HttpMethod.valueOf(route.method())).uri(route.examplePath())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.expired())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    static Stream<ContractRoute> publicRoutes() {
        return ContractRoute.all().stream().filter(ContractRoute::isPublic);
    }

    @Test
    void shouldListExactlyTheContractsPublicRoutes() {
        assertThat(publicRoutes().map(route -> route.method() + " " + route.path())).containsExactlyInAnyOrder(
                "POST /api/companies", "POST /api/auth/login", "POST /api/auth/refresh", "GET /.well-known/jwks.json",
                "POST /api/webhooks/leads/{keyId}", "POST /api/agents/auth/login");
        // The same paths with another method are not public.
        anonymous.get().uri("/api/companies").exchange().expectStatus().isUnauthorized();
        anonymous.delete().uri("/api/webhooks/leads/key-1").exchange().expectStatus().isUnauthorized();
        anonymous.put().uri("/api/agents/mpin").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldFetchTheKeySetAgainWhenATokenNamesANewKeyAndOtherwiseUseTheCache() {
        client.get().uri("/api/leads").exchange().expectStatus().isOk();
        int fetchesBefore = ISSUER.fetches();

        TOKENS.rotate();
        String signedWithNewKey = TOKENS.valid();
        for (int i = 0; i < 3; i++) {
            anonymous.get().uri("/api/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + signedWithNewKey)
                    .exchange().expectStatus().isOk();
        }

        assertThat(ISSUER.fetches()).isEqualTo(fetchesBefore + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/leads", "/api/settings/webhook-keys", "/api/tasks"})
    void shouldPassApiKeysThroughToLeadServiceUnchecked(String path) {
        String apiKey = "ck_live_" + "A".repeat(43);

        anonymous.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("lead-service");

        assertThat(SERVICES.get("lead-service").received()).extracting(StubService.Received::authorization)
                .containsExactly("Bearer " + apiKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/customers", "/api/orders?leadId=lead-1", "/api/reports/funnel"})
    void shouldRefuseApiKeysOutsideLeadService(String path) {
        anonymous.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer ck_live_" + "A".repeat(43)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        SERVICES.forEach((name, stub) -> assertThat(stub.hits()).as(name).isZero());
    }

    @Test
    void shouldPutSecurityHeadersOnRoutedAnswersAndRefusals() {
        for (WebTestClient.ResponseSpec response : List.of(client.get().uri("/api/leads").exchange(),
                anonymous.get().uri("/api/leads").exchange())) {
            response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*")
                    // Plain http here: HSTS is only sent over https.
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void shouldAnswerTheWebAppsPreflightWithoutRoutingIt() {
        anonymous.options().uri("/api/leads")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods ->
                        assertThat(methods).contains("PATCH"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        client.get().uri("/api/leads").header(HttpHeaders.ORIGIN, "http://localhost:5173").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed ->
                        assertThat(exposed).contains(RequestIdFilter.HEADER));

        assertThat(SERVICES.get("lead-service").hits()).isEqualTo(1);
    }

    @Test
    void shouldRefuseOriginsThatAreNotTheSuitesApps() {
        anonymous.options().uri("/api/leads")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        client.get().uri("/api/leads").header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("origin"));

        assertThat(SERVICES.get("lead-service").hits()).isZero();
    }

    /** OpenApiFuzzIT found this one too: past 4096 characters Netty itself answered 414 with an empty body. */
    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {4_097, 10_000, 60_000})
    void shouldRefuseAUriLongerThan4096CharactersWith414ProblemJsonBeforeRouting(int length) {
        String prefix = "/api/leads/";
        client.get().uri(prefix + "x".repeat(length - prefix.length())).exchange()
                .expectStatus().isEqualTo(414)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(RequestIdFilter.HEADER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(414)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 4096"));

        assertThat(SERVICES.get("lead-service").hits()).isZero();
    }

    @Test
    void shouldRouteAUriOfExactly4096Characters() {
        String prefix = "/api/leads?q=";
        client.get().uri(prefix + "x".repeat(4096 - prefix.length())).exchange()
                .expectStatus().isOk();

        assertThat(SERVICES.get("lead-service").hits()).isEqualTo(1);
    }

    /** OpenApiFuzzIT found this one: Spring's CORS check refused a malformed origin with an empty 403. */
    @Test
    void shouldRefuseAWebhookPostWhoseOriginIsNoOriginAtAllWithProblemJson() {
        anonymous.post().uri("/api/webhooks/leads/key-1")
                .header(HttpHeaders.ORIGIN, "%s%n%x")
                .header("X-Webhook-Token", "wh_live_token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Asha\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Origin"));

        assertThat(SERVICES.get("lead-service").hits()).isZero();
    }

    @Test
    void shouldLetAnyCustomerSitePreflightAWebhookPostAndLeaveTheOriginCheckToLeadService() {
        anonymous.options().uri("/api/webhooks/leads/key-1")
                .header(HttpHeaders.ORIGIN, "https://shop.customer.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, x-webhook-token")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.customer.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers ->
                        assertThat(headers.toLowerCase()).contains("x-webhook-token"));
        anonymous.post().uri("/api/webhooks/leads/key-1")
                .header(HttpHeaders.ORIGIN, "https://shop.customer.example")
                .header("X-Webhook-Token", "wh_live_token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Asha\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.customer.example");
        // Only webhooks are open to any origin, and only for POST.
        anonymous.options().uri("/api/webhooks/leads/key-1")
                .header(HttpHeaders.ORIGIN, "https://shop.customer.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange()
                .expectStatus().isForbidden();

        assertThat(SERVICES.get("lead-service").received()).extracting(StubService.Received::method)
                .containsExactly("POST");
    }

    record BadToken(String name, Supplier<String> token) {
        @Override
        public String toString() {
            return name;
        }
    }
}
