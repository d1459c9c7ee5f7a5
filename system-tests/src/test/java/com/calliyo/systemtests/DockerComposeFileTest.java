package com.calliyo.systemtests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static com.calliyo.systemtests.ComposeFile.list;
import static com.calliyo.systemtests.ComposeFile.load;
import static com.calliyo.systemtests.ComposeFile.map;
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
    /** Spring Boot's own settings every service's Kafka clients sign in with (spring.kafka.properties.*). */
    static final Map<String, String> KAFKA_SASL = Map.of(
            "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
    static final String KAFKA_LOGIN = "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG";
    static final Pattern MONGO_URI = Pattern.compile(
            "mongodb://([a-z-]+):\\$\\{([A-Z_]+):\\?[^}]*}@mongo:27017/([a-z]+)\\?replicaSet=rs0");

    final ComposeFile file = new ComposeFile(ROOT.resolve("docker-compose.yml"));

    @Test
    void shouldDeclareKafkaMongoAndEveryServiceWithAHealthcheck() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("kafka", "kafka-init", "mongo", "lead-service",
                "customer-service", "order-service", "reporting-service", "webhook-service", "web-app", "gateway",
                "prometheus", "grafana", "jaeger");
        // kafka-init is a one-shot: the services wait for it to have finished, not for it to be healthy
        assertThat(file.service("kafka-init").get("restart")).isEqualTo("no");
        services().forEach((name, definition) -> assertThat(map(definition).get("healthcheck") != null
                || name.equals("kafka-init")).as("healthcheck of %s", name).isTrue());
    }

    @Test
    void shouldRunKafkaInKraftModeAndMongoAsAReplicaSet() throws IOException {
        Properties kafka = new Properties();
        kafka.load(Files.newBufferedReader(KafkaAcls.KAFKA.resolve("server.properties")));
        assertThat(kafka.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(kafka.getProperty("advertised.listeners")).contains("kafka:9092");
        // every topic is declared by its owner and created by kafka-init, none appears on first use
        assertThat(kafka.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(list(file.service("kafka").get("volumes"))).contains("./ops/kafka:/etc/calliyo/kafka:ro");
        assertThat(file.service("kafka").get("entrypoint")).asString().contains("/etc/calliyo/kafka/start.sh");
        // kafka-server-start.sh would take a 1 GiB heap: the broker's must fit its 768 MiB limit
        assertThat(file.service("kafka").get("mem_limit")).isEqualTo("768m");
        assertThat(env("kafka")).containsEntry("KAFKA_HEAP_OPTS", "-Xms512m -Xmx512m");
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
        allowedExtras.addAll(KAFKA_SASL.keySet());
        allowedExtras.add(KAFKA_LOGIN);
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
        assertThat(mongoUri(service).group(3)).isEqualTo(URI.create(defaultMongoUri).getPath().substring(1));
        assertThat(dependsOn(service)).containsEntry("kafka", "service_healthy")
                .containsEntry("kafka-init", "service_completed_successfully")
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
        // the key set from any lead-service instance: compose's one LEAD_SERVICE_URL is the list of one
        assertThat(applicationYml).as("%s reads the token key set from lead-service", service)
                .contains("jwk-set-uri: lb://lead-service/.well-known/jwks.json")
                .contains("lead-service: ${LEAD_SERVICE_URLS:${LEAD_SERVICE_URL:http://localhost:8081}}");

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

    @Test
    void shouldGiveEachDataServiceAMongoUserOfItsOwnWithReadWriteOnItsOwnDatabaseOnly() throws IOException {
        String users = Files.readString(ROOT.resolve("ops/mongo/initdb/create-service-users.js"));
        Map<String, Object> mongo = env("mongo");
        Set<String> variables = new HashSet<>();
        for (String service : DATA_SERVICES) {
            Matcher uri = mongoUri(service);
            String variable = "MONGO_PASSWORD_" + service.toUpperCase().replace('-', '_');
            assertThat(uri.group(1)).as("user of %s", service).isEqualTo(service);
            assertThat(uri.group(2)).as("password of %s", service).isEqualTo(variable);
            assertThat(variables.add(variable)).isTrue();
            assertThat(users).as("the init script creates %s in its database", service)
                    .contains("'" + service + "': '" + uri.group(3) + "'");
            assertThat(String.valueOf(mongo.get(variable))).startsWith("${" + variable + ":?");
            for (String other : SERVICES) {
                assertThat(other.equals(service) || !String.valueOf(env(other)).contains(variable))
                        .as("%s's password in the environment of %s", service, other).isTrue();
            }
        }
        // one role, on the user's own database; no other role anywhere in the script
        assertThat(users).contains("roles: [{ role: 'readWrite', db: database }]");
        assertThat(Pattern.compile("role:").matcher(users).results().count()).isEqualTo(1);
        assertThat(list(file.service("mongo").get("volumes")))
                .contains("./ops/mongo/initdb:/docker-entrypoint-initdb.d:ro");
        assertThat(mongo.get("MONGO_INITDB_ROOT_PASSWORD")).asString().startsWith("${MONGO_ROOT_PASSWORD:?");
        assertThat(Files.readString(ROOT.resolve("ops/mongo/start.sh"))).contains("--keyFile");
        assertThat(String.valueOf(file.service("mongo").get("healthcheck")))
                .contains("auth('root', process.env.MONGO_INITDB_ROOT_PASSWORD)");
    }

    @Test
    void shouldSignEveryServiceInToKafkaWithItsOwnScramLoginOnABrokerThatDeniesWhatNoAclAllows()
            throws IOException {
        String start = Files.readString(KafkaAcls.KAFKA.resolve("start.sh"));
        for (String service : SERVICES) {
            String variable = "KAFKA_PASSWORD_" + service.toUpperCase().replace('-', '_');
            assertThat(env(service)).as("environment of %s", service).containsAllEntriesOf(KAFKA_SASL);
            assertThat(String.valueOf(env(service).get(KAFKA_LOGIN))).as("Kafka login of %s", service)
                    .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required ")
                    .contains("username=\"" + service + "\" password=\"${" + variable + ":?");
            assertThat(String.valueOf(env("kafka").get(variable))).startsWith("${" + variable + ":?");
        }
        Matcher logins = Pattern.compile("for service in ([a-z -]+); do").matcher(start);
        assertThat(logins.find()).isTrue();
        assertThat(logins.group(1).split(" ")).as("SCRAM logins made at format time")
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(start).contains("kafka-storage.sh format").contains("--add-scram \"SCRAM-SHA-512=[name=");
        Properties broker = new Properties();
        broker.load(Files.newBufferedReader(KafkaAcls.KAFKA.resolve("server.properties")));
        assertThat(broker).containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("listener.security.protocol.map", "INTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .containsEntry("advertised.listeners", "INTERNAL://kafka:9092")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("auto.create.topics.enable", "false");
        // the plain listener is the controller's, on the container's loopback only
        assertThat(broker.getProperty("listeners")).isEqualTo("INTERNAL://:9092,CONTROLLER://localhost:9093");
        for (String service : SERVICES) {
            assertThat(Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml")))
                    .as("the local stack of %s stays on its plain listener", service).doesNotContain("sasl");
        }
    }

    @Test
    void shouldLetOnlyEachTopicsOwnerWriteItAndEachConsumerReadWhatItConsumes() throws IOException {
        // crm.company.events: lead-service's stream, plus webhook-service's webhook_disabled (DisabledEvents)
        Map<String, Set<String>> producers = Map.of("crm.lead.events", Set.of("lead-service"),
                "crm.company.events", Set.of("lead-service", "webhook-service"),
                "crm.order.events", Set.of("order-service"));
        assertThat(KafkaAcls.topics().keySet()).containsExactlyInAnyOrderElementsOf(producers.keySet().stream()
                .flatMap(topic -> Stream.of(topic, topic + "-dlt")).toList());
        for (String owner : List.of("lead-service", "order-service")) {
            String declared = placeholders(Files.readString(ROOT.resolve(owner + "/src/main/resources/application.yml")))
                    .get("CALLIYO_TOPIC_PARTITIONS");
            assertThat(KafkaAcls.topics().values()).as("partitions %s declares", owner)
                    .containsOnly(Integer.parseInt(declared));
        }
        producers.forEach((topic, owners) -> assertThat(KafkaAcls.principalsAllowed("Write", topic))
                .as("who may write %s", topic).containsExactlyInAnyOrderElementsOf(owners));
        for (String service : SERVICES) {
            for (String topic : KafkaAcls.listenedTopics(service)) {
                assertThat(KafkaAcls.allows(service, "Read", "topic", "literal", topic)).as("%s reads %s", service,
                        topic).isTrue();
                assertThat(KafkaAcls.allows(service, "Write", "topic", "literal", topic + "-dlt"))
                        .as("%s dead-letters %s", service, topic).isTrue();
            }
            assertThat(KafkaAcls.allows(service, "Read", "group", "literal", service))
                    .as("group of %s", service).isEqualTo(!KafkaAcls.listenedTopics(service).isEmpty());
            assertThat(KafkaAcls.allows(service, "Read", "group", "prefixed", service + "-revocations-")
                    && KafkaAcls.allows(service, "Read", "topic", "literal", "crm.company.events"))
                    .as("revocation feed of %s", service).isEqualTo(KafkaAcls.runsRevocationFeed(service));
        }
        for (KafkaAcls.Acl acl : KafkaAcls.acls()) {
            assertThat(acl.principal()).as(acl.toString()).isIn(SERVICES);
            assertThat(acl.operation()).as(acl.toString()).isIn("Read", "Write", "Describe");
            assertThat(acl.name()).as(acl.toString()).doesNotContain("*");
            if (acl.operation().equals("Write") && acl.name().endsWith("-dlt")) {
                assertThat(KafkaAcls.listenedTopics(acl.principal())).as("only a consumer dead-letters: %s", acl)
                        .contains(acl.name().replace("-dlt", ""));
            }
        }
        assertThat(file.service("kafka-init").get("entrypoint")).asString().contains("/etc/calliyo/kafka/init.sh");
        assertThat(dependsOn("kafka-init")).containsEntry("kafka", "service_healthy");
        for (String service : SERVICES) {
            assertThat(dependsOn(service)).containsEntry("kafka-init", "service_completed_successfully");
        }
    }

    @Test
    void shouldKeepEverySecretOutOfTheCommittedFiles() throws IOException {
        for (String name : services().keySet()) {
            env(name).forEach((key, value) -> {
                if (key.matches(".*(PASSWORD|SECRET|_KEY$|JAAS).*")) {
                    assertThat(String.valueOf(value)).as("%s of %s", key, name).matches("(?s).*\\$\\{[A-Z_]+:[?-].*");
                }
            });
        }
        String composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(composeText).as("a password given in the file").doesNotContainPattern("password=\"[^$]")
                .doesNotContainPattern("mongodb://[^:/]+:[^$]");
        for (String opsFile : List.of("ops/kafka/server.properties", "ops/kafka/acls.conf", "ops/kafka/topics.conf")) {
            assertThat(Files.readString(ROOT.resolve(opsFile))).as(opsFile).doesNotContainPattern("password\\s*=");
        }
    }

    @Test
    void shouldPublishOnlyTheGatewayOnTheHostAndOperatorsToolsOnItsLoopback() {
        services().forEach((name, definition) -> {
            for (Object port : list(map(definition).get("ports"))) {
                assertThat(name.equals("gateway") || String.valueOf(port).startsWith("127.0.0.1:"))
                        .as("port %s of %s", port, name).isTrue();
            }
        });
        assertThat(list(file.service("gateway").get("ports"))).containsExactly("8080:8080");
        for (String store : List.of("kafka", "mongo")) {
            assertThat(file.service(store)).as(store).doesNotContainKey("ports");
        }
    }

    private Map<String, Object> services() {
        return file.services();
    }

    private Map<String, Object> env(String service) {
        return file.env(service);
    }

    private Map<String, Object> dependsOn(String service) {
        return file.dependsOn(service);
    }

    private static Map<String, String> placeholders(String yaml) {
        Map<String, String> found = new java.util.HashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        int from = 0;
        // each default is searched too: ${LEAD_SERVICE_URLS:${LEAD_SERVICE_URL:...}} reads both variables
        while (matcher.find(from)) {
            found.put(matcher.group(1), matcher.group(2));
            from = matcher.start(2);
        }
        return found;
    }

    /** The service's MONGODB_URI: user, password variable and database; it must have this shape. */
    private Matcher mongoUri(String service) {
        Matcher uri = MONGO_URI.matcher(String.valueOf(env(service).get("MONGODB_URI")));
        assertThat(uri.matches()).as("MONGODB_URI of %s: %s", service, env(service).get("MONGODB_URI")).isTrue();
        return uri;
    }

    private static String projectVersion() throws IOException {
        Matcher matcher = Pattern.compile("<artifactId>calliyo-suite</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
