package com.calliyo.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be started on machines without a Docker engine, so it is kept correct by construction:
 * every service, port, variable and healthcheck is checked against the services' own application.yml and POMs.
 */
class DockerComposeFileTest {

    static final Path ROOT = RepoRoot.find();
    static final List<String> SERVICES = List.of("lead-service", "customer-service", "order-service",
            "reporting-service", "webhook-service", "web-app", "gateway");
    static final List<String> DATA_SERVICES = List.of("lead-service", "customer-service", "order-service",
            "reporting-service", "webhook-service");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

    /** Spring Boot's own settings every service gets in compose: JSON log lines, spans to the Jaeger collector. */
    static final Map<String, String> TELEMETRY = Map.of(
            "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://jaeger:4318/v1/traces");

    final Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));

    @Test
    void shouldDeclareKafkaMongoAndEveryServiceWithAHealthcheck() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("kafka", "mongo", "lead-service",
                "customer-service", "order-service", "reporting-service", "webhook-service", "web-app", "gateway",
                "prometheus", "grafana", "jaeger");
        services().forEach((name, definition) -> assertThat(map(definition).get("healthcheck"))
                .as("healthcheck of %s", name).isNotNull());
    }

    @Test
    void shouldRunKafkaInKraftModeAndMongoAsAReplicaSet() {
        Map<String, Object> kafka = env("kafka");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS"))).contains("kafka:9092");
        assertThat(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(String.valueOf(map(services().get("mongo")).get("command"))).contains("--replSet");
        assertThat(String.valueOf(map(map(services().get("mongo")).get("healthcheck")).get("test")))
                .contains("rs.initiate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead-service", "customer-service", "order-service", "reporting-service",
            "webhook-service", "web-app", "gateway"})
    void shouldMatchTheServicesOwnConfiguration(String service) throws IOException {
        Map<String, Object> definition = map(services().get(service));
        Map<String, Object> env = env(service);
        String applicationYml = Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml"));
        Map<String, Object> app = load(ROOT.resolve(service + "/src/main/resources/application.yml"));

        assertThat(definition.get("image")).isEqualTo("calliyo/" + service + ":" + projectVersion());
        String port = String.valueOf(map(app.get("server")).get("port"));
        assertThat(env.get("SERVER_PORT")).as("SERVER_PORT of %s", service).isEqualTo(port);
        assertThat(String.valueOf(definition.get("ports")) + definition.get("expose")).contains(port);

        Set<String> placeholders = placeholders(applicationYml).keySet();
        Set<String> allowedExtras = new HashSet<>(Set.of("SERVER_PORT", "JAVA_TOOL_OPTIONS"));
        allowedExtras.addAll(TELEMETRY.keySet());
        assertThat(env.keySet()).as("every variable compose sets is read by %s", service)
                .allMatch(key -> placeholders.contains(key) || allowedExtras.contains(key));
        Set<String> required = new HashSet<>(placeholders);
        required.removeIf(key -> !key.endsWith("_URL") && !key.equals("KAFKA_BOOTSTRAP_SERVERS")
                && !key.equals("MONGODB_URI"));
        assertThat(env.keySet()).as("compose sets every address %s needs", service).containsAll(required);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead-service", "customer-service", "order-service", "reporting-service",
            "webhook-service"})
    void shouldPointDataServicesAtComposeKafkaAndTheirOwnDatabase(String service) throws IOException {
        Map<String, Object> env = env(service);
        String defaultMongoUri = placeholders(Files.readString(
                ROOT.resolve(service + "/src/main/resources/application.yml"))).get("MONGODB_URI");

        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(databaseOf(String.valueOf(env.get("MONGODB_URI")))).isEqualTo(databaseOf(defaultMongoUri));
        assertThat(String.valueOf(env.get("MONGODB_URI"))).startsWith("mongodb://mongo:27017/");
        assertThat(dependsOn(service)).containsEntry("kafka", "service_healthy")
                .containsEntry("mongo", "service_healthy");
    }

    @Test
    void shouldRouteTheGatewayToEachServiceByItsComposeNameAndPort() {
        Map<String, Object> env = env("gateway");
        for (String service : DATA_SERVICES) {
            String variable = service.replace("-service", "").toUpperCase() + "_SERVICE_URL";
            URI uri = URI.create(String.valueOf(env.get(variable)));
            assertThat(uri.getHost()).isEqualTo(service);
            assertThat(String.valueOf(uri.getPort())).isEqualTo(env(service).get("SERVER_PORT"));
            assertThat(dependsOn("gateway")).containsEntry(service, "service_healthy");
        }
    }

    @Test
    void shouldRoutePagesToTheWebAppWhichCallsTheSuiteOnlyThroughTheGatewayAndReadsItsEvents() {
        URI webApp = URI.create(String.valueOf(env("gateway").get("WEB_APP_URL")));
        assertThat(webApp.getHost()).isEqualTo("web-app");
        assertThat(String.valueOf(webApp.getPort())).isEqualTo(env("web-app").get("SERVER_PORT"));
        assertThat(dependsOn("gateway")).containsEntry("web-app", "service_healthy");

        URI gateway = URI.create(String.valueOf(env("web-app").get("GATEWAY_URL")));
        assertThat(gateway.getHost()).isEqualTo("gateway");
        assertThat(String.valueOf(gateway.getPort())).isEqualTo(env("gateway").get("SERVER_PORT"));
        // The gateway waits for the web client, so the web client must not wait for the gateway.
        assertThat(dependsOn("web-app")).doesNotContainKey("gateway");
        assertThat(env("web-app")).doesNotContainKey("MONGODB_URI");
        // Live updates: the open pages hear of other users' changes from the suite's events.
        assertThat(env("web-app")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat(dependsOn("web-app")).containsEntry("kafka", "service_healthy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-service", "order-service", "reporting-service", "webhook-service"})
    void shouldPointTokenCheckingServicesAtLeadServicesKeySetOnceItIsHealthy(String service) throws IOException {
        String applicationYml = Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml"));
        assertThat(applicationYml).as("%s reads the token key set from lead-service", service)
                .contains("${LEAD_SERVICE_URL:http://localhost:8081}/.well-known/jwks.json");

        URI uri = URI.create(String.valueOf(env(service).get("LEAD_SERVICE_URL")));
        assertThat(uri.getHost()).isEqualTo("lead-service");
        assertThat(String.valueOf(uri.getPort())).isEqualTo(env("lead-service").get("SERVER_PORT"));
        assertThat(dependsOn(service)).containsEntry("lead-service", "service_healthy");
    }

    @Test
    void shouldRequireTheKeyEncryptionKeyFromTheOperatorAndGiveItToLeadServiceOnly() throws IOException {
        String applicationYml = Files.readString(ROOT.resolve("lead-service/src/main/resources/application.yml"));
        assertThat(placeholders(applicationYml)).containsEntry("CALLIYO_KEY_ENCRYPTION_KEY", "")
                .containsEntry("CALLIYO_OPERATOR_PASSWORD", "");
        // ${VAR:?message}: compose refuses to start without it, as lead-service would
        assertThat(String.valueOf(env("lead-service").get("CALLIYO_KEY_ENCRYPTION_KEY")))
                .startsWith("${CALLIYO_KEY_ENCRYPTION_KEY:?");
        assertThat(String.valueOf(env("lead-service").get("CALLIYO_OPERATOR_PASSWORD")))
                .isEqualTo("${CALLIYO_OPERATOR_PASSWORD:-}");
        for (String service : List.of("customer-service", "order-service", "reporting-service", "webhook-service",
                "gateway")) {
            assertThat(env(service)).as("environment of %s", service)
                    .doesNotContainKeys("CALLIYO_KEY_ENCRYPTION_KEY", "CALLIYO_OPERATOR_PASSWORD");
        }
    }

    @Test
    void shouldKeepWebhookDeliveriesToHttpsOnPublicAddresses() throws IOException {
        String applicationYml = Files.readString(ROOT.resolve("webhook-service/src/main/resources/application.yml"));
        assertThat(placeholders(applicationYml)).containsEntry("CALLIYO_WEBHOOK_ALLOW_INSECURE_TARGETS", "false");
        assertThat(env("webhook-service")).containsEntry("CALLIYO_WEBHOOK_ALLOW_INSECURE_TARGETS", "false");
    }

    @Test
    void shouldNameEverySecretComposeReadsInTheEnvExampleWithoutAValueAndKeepTheRealFileOutOfGit()
            throws IOException {
        String composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> read = new HashSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[?-][^}]*)?}").matcher(composeText);
        while (variable.find()) {
            read.add(variable.group(1));
        }
        Map<String, String> example = new java.util.HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(read).as("variables compose reads").contains("CALLIYO_KEY_ENCRYPTION_KEY", "GRAFANA_ADMIN_PASSWORD");
        assertThat(example.keySet()).as(".env.example").containsExactlyInAnyOrderElementsOf(read);
        assertThat(example.values()).as("no value committed").allMatch(String::isEmpty);
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void shouldCheckReadinessOnTheServicePortByItsHttpStatus() {
        for (String service : SERVICES) {
            String test = String.valueOf(map(map(services().get(service)).get("healthcheck")).get("test"));
            assertThat(test).contains("/actuator/health/readiness").contains("$$SERVER_PORT".replace("$$", "$"))
                    .as("a component's UP must not pass for the whole").contains("grep -q ' 200 '");
        }
    }

    @Test
    void shouldLogJsonExportTracesAndOutwaitSpringsGracefulShutdown() {
        for (String service : SERVICES) {
            assertThat(env(service)).as("environment of %s", service).containsAllEntriesOf(TELEMETRY);
            String grace = String.valueOf(map(services().get(service)).get("stop_grace_period"));
            assertThat(grace).as("stop_grace_period of %s", service).matches("\\d+s");
            assertThat(Integer.parseInt(grace.replace("s", ""))).as("longer than Spring's 30 s per phase")
                    .isGreaterThan(30);
        }
        assertThat(String.valueOf(map(services().get("jaeger")).get("image"))).matches("[a-z/]+:\\d+\\.\\d+\\.\\d+");
        assertThat(list(map(services().get("jaeger")).get("ports"))).containsExactly("127.0.0.1:16686:16686");
        assertThat(dependsOn("grafana")).containsEntry("jaeger", "service_healthy");
    }

    @Test
    void shouldBuildImagesWithJibUnderTheNamesComposeUses() throws IOException {
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(rootPom).contains("<jib.to.registry>calliyo</jib.to.registry>")
                .contains("<image>${jib.to.registry}/${project.artifactId}:${project.version}</image>");
        // one command over the whole reactor: Jib is skipped everywhere but in the services
        assertThat(rootPom).contains("<jib.skip>true</jib.skip>").contains("<user>1000</user>");
        for (String service : SERVICES) {
            assertThat(Files.readString(ROOT.resolve(service + "/pom.xml"))).contains("jib-maven-plugin")
                    .contains("<jib.skip>false</jib.skip>");
        }
        for (String module : List.of("lead-events", "order-events", "token-check", "local-stack", "system-tests")) {
            assertThat(Files.readString(ROOT.resolve(module + "/pom.xml"))).as(module).doesNotContain("jib.skip");
        }
    }

    @Test
    void shouldScrapeEveryServiceOnItsComposeNameAndPort() {
        Map<String, Object> prometheus = load(ROOT.resolve("ops/prometheus/prometheus.yml"));
        List<Object> jobs = list(prometheus.get("scrape_configs"));
        assertThat(jobs).hasSize(1);
        Map<String, Object> job = map(jobs.get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<Object> targets = list(map(list(job.get("static_configs")).get(0)).get("targets"));
        assertThat(targets).containsExactlyInAnyOrderElementsOf(SERVICES.stream()
                .map(service -> service + ":" + env(service).get("SERVER_PORT")).toList());
        assertThat(list(prometheus.get("rule_files"))).containsExactly("alerts.yml");
    }

    @Test
    void shouldRunPinnedPrometheusAndGrafanaWithTheOpsFilesAndGrafanaOnLoopbackOnly() {
        for (String tool : List.of("prometheus", "grafana")) {
            String image = String.valueOf(map(services().get(tool)).get("image"));
            assertThat(image).as("image of %s", tool).matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+");
            for (Object volume : list(map(services().get(tool)).get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source.substring(2))).as("mounted into %s", tool).isDirectory();
                }
            }
        }
        assertThat(map(services().get("prometheus"))).doesNotContainKey("ports");
        assertThat(list(map(services().get("grafana")).get("ports"))).containsExactly("127.0.0.1:3000:3000");
        assertThat(String.valueOf(env("grafana").get("GF_SECURITY_ADMIN_PASSWORD"))).startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        Map<String, Object> provider = map(list(load(ROOT.resolve(
                "ops/grafana/provisioning/dashboards/calliyo.yml")).get("providers")).get(0));
        assertThat(String.valueOf(map(provider.get("options")).get("path")))
                .as("the dashboards' mount point").isEqualTo("/etc/grafana/dashboards");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> env(String service) {
        Map<String, Object> env = map(map(services().get(service)).get("environment"));
        env.replaceAll((k, v) -> String.valueOf(v));
        return env;
    }

    private Map<String, Object> dependsOn(String service) {
        Map<String, Object> dependsOn = map(map(services().get(service)).get("depends_on"));
        dependsOn.replaceAll((k, v) -> map(v).get("condition"));
        return dependsOn;
    }

    private static Map<String, String> placeholders(String yaml) {
        Map<String, String> found = new java.util.HashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    private static String databaseOf(String mongoUri) {
        String path = URI.create(mongoUri).getPath();
        return path.substring(1);
    }

    private static String projectVersion() throws IOException {
        Matcher matcher = Pattern.compile("<artifactId>calliyo-suite</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? new java.util.HashMap<>() : new java.util.HashMap<>((Map<String, Object>) value);
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
