package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceLaunchTest {

    private final LocalStackConfig config = LocalStackConfig.builder().repoRoot(Path.of("/repo")).build()
            .withPortOffset(10);

    @Test
    void shouldPointAServiceAtItsPortBrokerOwnDatabaseAndTheTokenIssuer() {
        Map<String, String> env = ServiceLaunch.environment(ServiceModule.CUSTOMER_SERVICE, config, Map.of());

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVER_PORT", "8092",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9102",
                "MONGODB_URI", "mongodb://127.0.0.1:27027/customers",
                "LEAD_SERVICE_URL", "http://127.0.0.1:8091"));
    }

    @Test
    void shouldPointEveryServiceThatVerifiesTokensAtLeadService() {
        for (ServiceModule module : new ServiceModule[] {ServiceModule.CUSTOMER_SERVICE, ServiceModule.ORDER_SERVICE,
                ServiceModule.REPORTING_SERVICE, ServiceModule.WEBHOOK_SERVICE}) {
            assertThat(ServiceLaunch.environment(module, config, Map.of()))
                    .as("environment of %s", module)
                    .containsEntry("LEAD_SERVICE_URL", "http://127.0.0.1:8091")
                    .doesNotContainKeys("CUSTOMER_SERVICE_URL", "ORDER_SERVICE_URL", "REPORTING_SERVICE_URL");
        }
        assertThat(ServiceLaunch.environment(ServiceModule.LEAD_SERVICE, config, Map.of()))
                .doesNotContainKey("LEAD_SERVICE_URL");
    }

    @Test
    void shouldExportTracesAndLogJsonOnlyWhenAsked() {
        LocalStackConfig observed = config.toBuilder()
                .telemetry(new Telemetry(URI.create("http://127.0.0.1:4318/v1/traces"), true)).build();

        for (ServiceModule module : ServiceModule.values()) {
            assertThat(ServiceLaunch.environment(module, observed, Map.of())).as("environment of %s", module)
                    .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            "http://127.0.0.1:4318/v1/traces")
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            assertThat(ServiceLaunch.environment(module, config, Map.of())).as("default environment of %s", module)
                    .doesNotContainKeys("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            "LOGGING_STRUCTURED_FORMAT_CONSOLE");
        }
    }

    @Test
    void shouldGiveEachServiceItsOwnDatabase() {
        assertThat(ServiceLaunch.environment(ServiceModule.LEAD_SERVICE, config, Map.of()))
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27027/leads");
        assertThat(ServiceLaunch.environment(ServiceModule.ORDER_SERVICE, config, Map.of()))
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27027/orders");
        assertThat(ServiceLaunch.environment(ServiceModule.REPORTING_SERVICE, config, Map.of()))
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27027/reporting");
        assertThat(ServiceLaunch.environment(ServiceModule.WEBHOOK_SERVICE, config, Map.of()))
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27027/webhooks");
    }

    @Test
    void shouldPointTheGatewayAtTheFiveServicesTheWebAppAndNoDatabase() {
        Map<String, String> env = ServiceLaunch.environment(ServiceModule.GATEWAY, config, Map.of());

        assertThat(env).doesNotContainKey("MONGODB_URI")
                .containsEntry("SERVER_PORT", "8090")
                .containsEntry("LEAD_SERVICE_URL", "http://127.0.0.1:8091")
                .containsEntry("CUSTOMER_SERVICE_URL", "http://127.0.0.1:8092")
                .containsEntry("ORDER_SERVICE_URL", "http://127.0.0.1:8093")
                .containsEntry("REPORTING_SERVICE_URL", "http://127.0.0.1:8094")
                .containsEntry("WEBHOOK_SERVICE_URL", "http://127.0.0.1:8096")
                .containsEntry("WEB_APP_URL", "http://127.0.0.1:8095");
    }

    @Test
    void shouldPointTheWebAppAtTheGatewayAndTheBrokerWithoutDatabase() {
        Map<String, String> env = ServiceLaunch.environment(ServiceModule.WEB_APP, config, Map.of());

        assertThat(env).containsOnlyKeys("SERVER_PORT", "GATEWAY_URL", "KAFKA_BOOTSTRAP_SERVERS")
                .containsEntry("SERVER_PORT", "8095")
                .containsEntry("GATEWAY_URL", "http://127.0.0.1:8090")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9102");
    }

    @Test
    void shouldPassOnTheCalliyoSettingsOfTheLauncher() {
        Map<String, String> env = ServiceLaunch.environment(ServiceModule.LEAD_SERVICE, config,
                Map.of("CALLIYO_TOKEN_ISSUER", "https://idp.example.com", "HOME", "/root", "SERVER_PORT", "1"));

        assertThat(env).containsEntry("CALLIYO_TOKEN_ISSUER", "https://idp.example.com")
                .containsEntry("SERVER_PORT", "8091")
                .doesNotContainKey("HOME");
    }

    @Test
    void shouldRunTheModuleJarWithLeanJvmFlags() {
        ServiceLaunch launch = ServiceLaunch.of(ServiceModule.ORDER_SERVICE, config, Path.of("/logs"), Map.of());

        assertThat(launch.command()).containsSubsequence("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-jar",
                Path.of("/repo/order-service/target/order-service.jar").toString());
        assertThat(launch.command().get(0)).endsWith("java");
        assertThat(launch.logFile()).isEqualTo(Path.of("/logs/order-service.log"));
        assertThat(launch.url()).isEqualTo("http://127.0.0.1:8093");
    }

    @Test
    void shouldAddTheExtraServiceJavaOptionsAfterTheLeanFlags() {
        ServiceLaunch launch = ServiceLaunch.of(ServiceModule.GATEWAY, config, Path.of("/logs"),
                Map.of(ServiceLaunch.EXTRA_JAVA_OPTS, " -XX:TieredStopAtLevel=4  -Xmx384m "));

        assertThat(launch.command()).containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m",
                "-XX:TieredStopAtLevel=4", "-Xmx384m", "-jar");
    }
}
