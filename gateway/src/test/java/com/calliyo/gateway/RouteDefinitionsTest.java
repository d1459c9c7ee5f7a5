package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/** Checks the shipped application.yml itself, bound the way the gateway binds it. */
class RouteDefinitionsTest {

    static StandardEnvironment environment;
    static List<RouteDefinition> routes;
    /**
     * The routes that carry a whole service (every route but the import route, the API descriptions and the web
     * client's live-updates stream).
     */
    static List<RouteDefinition> serviceRoutes;

    @BeforeAll
    static void bindApplicationYml() throws IOException {
        environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        routes = bindRoutes();
        serviceRoutes = routes.stream()
                .filter(route -> !route.getId().equals("lead-imports") && !route.getId().endsWith("-docs")
                        && !route.getId().equals("web-app-live"))
                .toList();
    }

    @Test
    void shouldDeclareOneRoutePerServiceWithUniqueIdsAfterTheImportRoute() {
        assertThat(routes).extracting(RouteDefinition::getId)
                .doesNotHaveDuplicates()
                .containsExactly("lead-imports", "webhook-service", "lead-service", "customer-service",
                        "order-service", "reporting-service", "lead-service-docs", "customer-service-docs",
                        "order-service-docs", "reporting-service-docs", "webhook-service-docs", "web-app-live",
                        "web-app");
    }

    @Test
    void shouldStreamLiveUpdatesWithoutTimeLimitOrRetryAndGivePagesLongerThanTheirApiCalls() {
        RouteDefinition live = routes.stream().filter(route -> route.getId().equals("web-app-live")).findFirst()
                .orElseThrow();
        assertThat(live.getPredicates().get(0).getArgs()).containsValue("/live");
        assertThat(live.getFilters()).isEmpty();

        Duration page = Binder.get(environment)
                .bind("resilience4j.timelimiter.instances.web-app.timeout-duration", Bindable.of(Duration.class))
                .get();
        Duration api = Binder.get(environment)
                .bind("resilience4j.timelimiter.configs.default.timeout-duration", Bindable.of(Duration.class))
                .get();
        // A page waits for its API calls, each under the default limit; it must outlast one to say "Try again.".
        assertThat(page).isGreaterThan(api.multipliedBy(2));
    }

    @Test
    void shouldGiveCsvImportsTheirOwnLongerTimeLimitAndNoRetryOfWhatWasSent() {
        RouteDefinition imports = routes.get(0);

        assertThat(imports.getPredicates().get(0).getArgs()).containsValue("/api/leads/imports");
        assertThat(imports.getUri()).isEqualTo(URI.create("lb://lead-service"));
        // no Retry: an import is sent again only when no connection could be made (nothing of it was sent)
        assertThat(imports.getFilters()).extracting(FilterDefinition::getName)
                .containsExactly("CircuitBreaker", "RetryRefusedConnection");
        assertThat(filter(imports, "CircuitBreaker").getArgs()).containsAllEntriesOf(Map.of(
                "name", "lead-imports", "fallbackUri", "forward:/fallback/lead-service"));
        assertThat(Binder.get(environment)
                .bind("resilience4j.timelimiter.instances.lead-imports.timeout-duration", Bindable.of(Duration.class))
                .get()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void shouldSendOutboundWebhookSettingsToWebhookServiceBeforeLeadServicesSettings() {
        RouteDefinition webhooks = routes.get(1);

        assertThat(webhooks.getId()).isEqualTo("webhook-service");
        assertThat(webhooks.getPredicates().get(0).getArgs().values())
                .containsExactly("/api/settings/webhooks", "/api/settings/webhooks/**");
        assertThat(routes.indexOf(webhooks)).isLessThan(routes.stream().map(RouteDefinition::getId).toList()
                .indexOf("lead-service"));
    }

    @Test
    void shouldGiveEveryRouteACircuitBreakerWithItsOwnFallback() {
        for (RouteDefinition route : serviceRoutes) {
            assertThat(filter(route, "CircuitBreaker").getArgs()).as(route.getId()).containsAllEntriesOf(Map.of(
                    "name", route.getId(),
                    "fallbackUri", "forward:/fallback/" + route.getId()));
        }
    }

    @Test
    void shouldRetryOnlyGetAndOnlyInsideTheCircuitBreaker() {
        for (RouteDefinition route : serviceRoutes) {
            assertThat(filter(route, "Retry").getArgs()).as(route.getId())
                    .containsEntry("methods", "GET")
                    .containsEntry("retries", "2");
            assertThat(route.getFilters()).extracting(FilterDefinition::getName).as(route.getId())
                    .startsWith("CircuitBreaker", "Retry");
        }
    }

    @Test
    void shouldSendAnyRequestToAnotherInstanceWhenNoConnectionWasMadeInsideTheCircuitBreakerAndTheGetRetry() {
        List<RouteDefinition> balanced = routes.stream()
                .filter(route -> route.getUri().getScheme().equals("lb") && !route.getId().endsWith("-docs"))
                .toList();
        assertThat(balanced).extracting(RouteDefinition::getId).containsExactly("lead-imports", "webhook-service",
                "lead-service", "customer-service", "order-service", "reporting-service");
        for (RouteDefinition route : balanced) {
            List<String> filters = route.getFilters().stream().map(FilterDefinition::getName).toList();
            // innermost: a refused attempt retried with success is one successful call and one GET attempt
            assertThat(filters).as(route.getId()).first().isEqualTo("CircuitBreaker");
            assertThat(filters).as(route.getId()).last().isEqualTo("RetryRefusedConnection");
            assertThat(filter(route, "RetryRefusedConnection").getArgs()).as(route.getId())
                    .containsEntry("retries", "2");
        }
    }

    @Test
    void shouldNotStripThePrefixBecauseServicesServeTheContractPaths() {
        assertThat(routes).flatExtracting(RouteDefinition::getFilters).extracting(FilterDefinition::getName)
                .doesNotContain("StripPrefix", "RewritePath");
    }

    @Test
    void shouldBalanceEachApiServiceOverItsInstancesAndKeepTheWebClientOnOneUrl() {
        assertThat(serviceRoutes).extracting(RouteDefinition::getUri).containsExactly(
                URI.create("lb://webhook-service"), URI.create("lb://lead-service"),
                URI.create("lb://customer-service"), URI.create("lb://order-service"),
                URI.create("lb://reporting-service"), URI.create("http://localhost:8085"));
    }

    @Test
    void shouldTakeEachServicesInstancesFromItsUrlOrUrlsWithLocalhostDefaults() {
        assertThat(instances("lead-service")).containsExactly("http://localhost:8081");
        assertThat(instances("webhook-service")).containsExactly("http://localhost:8086");

        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "ORDER_SERVICE_URL", "http://order-service:8083",
                "LEAD_SERVICE_URLS", "http://127.0.0.1:8081,http://127.0.0.1:8181")));
        try {
            assertThat(instances("order-service")).containsExactly("http://order-service:8083");
            assertThat(instances("lead-service")).containsExactly("http://127.0.0.1:8081", "http://127.0.0.1:8181");
        } finally {
            environment.getPropertySources().remove("env");
        }
    }

    /** The configured instance list, as the binder splits it before InstanceUrlConverter makes each an instance. */
    private static List<String> instances(String service) {
        return Binder.get(environment).bind("spring.cloud.discovery.client.simple.instances." + service,
                Bindable.listOf(String.class)).get();
    }

    @Test
    void shouldServeEachServicesApiDescriptionFromItsOwnV3ApiDocs() {
        List<RouteDefinition> docs = routes.stream().filter(route -> route.getId().endsWith("-docs")).toList();

        assertThat(docs).extracting(route -> route.getPredicates().get(0).getArgs().values().iterator().next())
                .containsExactly("/v3/api-docs/leads", "/v3/api-docs/customers", "/v3/api-docs/orders",
                        "/v3/api-docs/reports", "/v3/api-docs/webhooks");
        assertThat(docs).extracting(RouteDefinition::getUri).containsExactly(
                URI.create("lb://lead-service"), URI.create("lb://customer-service"),
                URI.create("lb://order-service"), URI.create("lb://reporting-service"),
                URI.create("lb://webhook-service"));
        for (RouteDefinition route : docs) {
            assertThat(filter(route, "SetPath").getArgs()).containsValue("/v3/api-docs");
        }
    }

    @Test
    void shouldCheckTokensAgainstLeadServicesKeySetAndIssuerByDefault() {
        Binder binder = Binder.get(environment);

        assertThat(binder.bind("calliyo.token-check.jwk-set-uri", String.class).get())
                .isEqualTo("lb://lead-service/.well-known/jwks.json");
        assertThat(binder.bind("calliyo.token-check.issuer", String.class).get()).isEqualTo("calliyo");
        assertThat(binder.bind("gateway.security.api-key-prefix", String.class).get()).isEqualTo("ck_live_");
    }

    @Test
    void shouldShipRateLimitsOnAndBodyLimitsOfOneAndElevenMegabytes() {
        Binder binder = Binder.get(environment);

        assertThat(binder.bind("gateway.rate-limit.enabled", Boolean.class).get()).isTrue();
        assertThat(binder.bind("gateway.rate-limit.user.per-minute", Long.class).get()).isEqualTo(1200L);
        assertThat(binder.bind("gateway.rate-limit.webhook-key.per-minute", Long.class).get()).isEqualTo(300L);
        assertThat(binder.bind("gateway.body-limit.max", DataSize.class).get()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(binder.bind("gateway.body-limit.larger[0].path", String.class).get())
                .isEqualTo("/api/leads/imports");
        assertThat(binder.bind("gateway.body-limit.larger[0].max", DataSize.class).get())
                .isEqualTo(DataSize.ofMegabytes(11));
    }

    @Test
    void shouldLimitEveryOtherCallToTenSeconds() {
        assertThat(Binder.get(environment)
                .bind("resilience4j.timelimiter.configs.default.timeout-duration", Bindable.of(Duration.class))
                .get()).isEqualTo(Duration.ofSeconds(10));
    }

    private static List<RouteDefinition> bindRoutes() {
        return Binder.get(environment).bind(GatewayProperties.PREFIX, GatewayProperties.class).get().getRoutes();
    }

    private static FilterDefinition filter(RouteDefinition route, String name) {
        return route.getFilters().stream().filter(f -> f.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(route.getId() + " has no " + name + " filter"));
    }
}
