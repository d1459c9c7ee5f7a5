package com.calliyo.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security matrix against the running suite, for every route of the contract ({@code docs/api-routes.csv}):
 * each kind of bad token is refused by the gateway (401) before routing; a role the contract does not name gets
 * 403 problem+json from the service; and another company's ids are 404 in both directions, while lists never
 * show another company's ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

    /** The gateway's own 401 texts: the service's differ, so these prove the gateway refused. */
    static final String GATEWAY_BAD_TOKEN = "The access token is invalid or expired; sign in again";
    static final String GATEWAY_NO_TOKEN = "An access token is required: send Authorization: Bearer <access token>";

    /** Bodies that would be accepted for the owner's own ids, so a 404 can only mean "not yours". */
    static final Map<String, String> WRITE_BODIES = Map.ofEntries(
            Map.entry("PATCH /api/users/{userId}", "{\"name\":\"Renamed\"}"),
            Map.entry("POST /api/users/{userId}/mpin-reset", "{\"mpin\":\"1234\"}"),
            Map.entry("PATCH /api/settings/statuses/{statusId}", "{\"name\":\"Renamed\"}"),
            Map.entry("PATCH /api/leads/{leadId}", "{\"firstName\":\"Renamed\"}"),
            Map.entry("PUT /api/leads/{leadId}/assignee", "{\"agentId\":\"%callerAgent%\"}"),
            Map.entry("POST /api/leads/{leadId}/calls", "{\"callStatus\":\"CALLED\",\"durationSeconds\":30}"),
            Map.entry("POST /api/leads/{leadId}/follow-ups", "{\"scheduledAt\":\"%future%\"}"),
            Map.entry("POST /api/follow-ups/{followUpId}/resolve", "{}"),
            Map.entry("POST /api/leads/{leadId}/notes", "{\"text\":\"peeking\"}"),
            Map.entry("PATCH /api/orders/{orderId}", "{\"paymentStatus\":\"PAID\"}"),
            Map.entry("PATCH /api/settings/webhooks/{subscriptionId}", "{\"description\":\"peeking\"}"),
            Map.entry("POST /api/settings/webhooks/{subscriptionId}/rotate-secret", "{}"),
            Map.entry("POST /api/settings/webhooks/{subscriptionId}/deliveries/{deliveryId}/retry", "{}"),
            Map.entry("POST /api/settings/webhooks/{subscriptionId}/test", "{}"),
            Map.entry("POST /api/settings/webhooks/{subscriptionId}/replay",
                    "{\"from\":\"%past%\",\"to\":\"%future%\"}"));

    final Suite suite = Suite.shared();
    final Gateway anonymous = suite.gateway();
    Tenant acme;
    Tenant rival;
    TokenForge forge;

    @BeforeAll
    void twoCompanies() {
        acme = Tenant.create(anonymous);
        rival = Tenant.create(anonymous);
        forge = TokenForge.fromLeadServiceDatabase(suite.leadsMongoUri(), suite.keyEncryptionKey());
    }

    Stream<Arguments> everyProtectedRouteWithEveryBadToken() {
        List<BadToken> badTokens = List.of(
                new BadToken("missing", token -> null),
                new BadToken("expired", token -> forge.expired(token)),
                new BadToken("forged", token -> forge.forged(token)),
                new BadToken("alg=none", token -> forge.algNone(token)),
                new BadToken("wrong issuer", token -> forge.wrongIssuer(token)));
        return protectedRoutes().flatMap(route -> badTokens.stream().map(bad -> Arguments.of(route, bad)));
    }

    @Test
    void shouldAcceptTheAdminsTokenSignedAgainWithTheRealKeySoTheForgeriesDifferOnlyInTheirDefect() {
        String token = acme.admin().accessToken();

        Gateway.Response response = anonymous.as(forge.resigned(token)).get("/api/settings/company");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} with a {1} token → 401 at the gateway")
    @MethodSource("everyProtectedRouteWithEveryBadToken")
    void shouldRefuseEveryBadTokenAtTheGateway(ContractRoute route, BadToken bad) {
        String token = bad.make().apply(acme.admin().accessToken());
        Gateway caller = token == null ? anonymous : anonymous.as(token);

        Gateway.Response response = caller.send(route.method(), route.pathWith(acme.idsFor(route)), bodyFor(route));

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("detail").asString())
                .isEqualTo(token == null ? GATEWAY_NO_TOKEN : GATEWAY_BAD_TOKEN);
    }

    Stream<Arguments> everyRoleTheContractDoesNotName() {
        return protectedRoutes().filter(route -> !route.isForAnyRole()).flatMap(route -> Stream.of(
                        route.who().contains("MANAGER") ? null : Arguments.of(route, "MANAGER"),
                        Arguments.of(route, "AGENT"))
                .filter(java.util.Objects::nonNull));
    }

    @ParameterizedTest(name = "{0} as {1} → 403")
    @MethodSource("everyRoleTheContractDoesNotName")
    void shouldRefuseRolesTheContractDoesNotName(ContractRoute route, String role) {
        Gateway caller = role.equals("MANAGER") ? acme.manager() : acme.agent();

        Gateway.Response response = caller.send(route.method(), route.pathWith(acme.idsFor(route)), bodyFor(route));

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(403);
    }

    Stream<Arguments> everyRouteWithAnIdInBothDirections() {
        return protectedRoutes().filter(ContractRoute::hasIds)
                .flatMap(route -> Stream.of(Arguments.of(route, "rival reads acme's"),
                        Arguments.of(route, "acme reads rival's")));
    }

    @ParameterizedTest(name = "{0}: {1} ids → 404")
    @MethodSource("everyRouteWithAnIdInBothDirections")
    void shouldAnswerNotFoundForAnotherCompanysIds(ContractRoute route, String direction) {
        boolean rivalCalls = direction.startsWith("rival");
        Tenant owner = rivalCalls ? acme : rival;
        Tenant caller = rivalCalls ? rival : acme;
        String path = route.pathWith(owner.idsFor(route));

        Gateway.Response response = caller.admin().send(route.method(), path, bodyFor(route, caller));

        if (route.path().startsWith("/api/orders?")) {
            // A list filtered by a foreign lead: either "no such lead" or an empty page, never the owner's orders.
            assertThat(response.status()).as(response.body()).isIn(200, 404);
        } else {
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(404);
            assertThat(response.isProblem()).as(response.contentType()).isTrue();
        }
        assertThat(response.body()).doesNotContain(owner.ids().get("companyId"));
        if (route.method().equals("GET")) {
            // The control: the same read with the owner's token works, so the 404 above means "not yours". Until
            // order-service takes orders (POST /api/orders answers 201) its reads are 404 for everyone.
            boolean ordersMissing = route.service().equals("order-service") && !owner.orderCreated();
            Gateway.Response own = owner.admin().get(path);
            assertThat(own.status()).as("the owner reads its own " + path + ": " + own.body())
                    .isEqualTo(ordersMissing ? 404 : 200);
        }
    }

    @Test
    void shouldNotTakeAnOrderForAnotherCompanysCustomer() {
        Gateway.Response response = rival.admin().post("/api/orders", """
                {"leadId":"%s","plan":"Pro","amount":"1000.00","paymentStatus":"PENDING"}"""
                .formatted(acme.customerLeadId()));

        assertThat(response.status()).as(response.body()).isEqualTo(404);
    }

    Stream<ContractRoute> everyListRoute() {
        return protectedRoutes().filter(route -> route.method().equals("GET") && !route.hasIds());
    }

    @ParameterizedTest(name = "{0} shows nothing of another company")
    @MethodSource("everyListRoute")
    void shouldNeverListAnotherCompanysData(ContractRoute route) {
        Gateway.Response response = rival.admin().get(route.path());

        assertThat(response.status()).as(response.body()).isLessThan(500);
        for (String secret : acme.secrets()) {
            assertThat(response.body()).as(route + " must not show acme's " + secret).doesNotContain(secret);
        }
    }

    @Test
    void shouldCoverEveryRouteWithAnIdWithABodyOrAsARead() {
        List<String> uncovered = protectedRoutes().filter(ContractRoute::hasIds)
                .filter(route -> !route.method().equals("GET") && !route.method().equals("DELETE"))
                .map(ContractRoute::toString)
                .filter(route -> !WRITE_BODIES.containsKey(route))
                .toList();

        assertThat(uncovered).isEmpty();
    }

    private static Stream<ContractRoute> protectedRoutes() {
        return ContractRoute.all().stream().filter(route -> !route.isPublic());
    }

    private String bodyFor(ContractRoute route) {
        return bodyFor(route, acme);
    }

    private static String bodyFor(ContractRoute route, Tenant caller) {
        if (route.method().equals("GET") || route.method().equals("DELETE")) {
            return null;
        }
        return WRITE_BODIES.getOrDefault(route.toString(), "{}")
                .replace("%callerAgent%", caller.ids().get("userId"))
                .replace("%future%", Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString())
                .replace("%past%", Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    record BadToken(String name, UnaryOperator<String> make) {
        @Override
        public String toString() {
            return name;
        }
    }
}
