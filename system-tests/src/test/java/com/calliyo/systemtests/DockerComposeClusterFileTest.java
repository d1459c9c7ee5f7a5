package com.calliyo.systemtests;

import static com.calliyo.systemtests.ComposeFile.list;
import static com.calliyo.systemtests.ComposeFile.load;
import static com.calliyo.systemtests.ComposeFile.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.cluster.yml, checked statically like docker-compose.yml (no Docker engine here): three KRaft
 * brokers and a three-member replica set with the single node's security (SCRAM logins and ACLs, a Mongo user per
 * service, secrets only from .env), topics at replication factor 3 with min.insync.replicas=2, two instances of
 * every service, the gateways balancing over them and sharing their rate limits in Redis.
 */
class DockerComposeClusterFileTest {

    static final Path ROOT = RepoRoot.find();
    static final Path CLUSTER = ROOT.resolve("docker-compose.cluster.yml");
    static final List<String> SERVICES = DockerComposeFileTest.SERVICES;
    static final List<String> DATA_SERVICES = DockerComposeFileTest.DATA_SERVICES;
    static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
    static final List<String> MEMBERS = List.of("mongo-1", "mongo-2", "mongo-3");
    static final Pattern MONGO_URI = Pattern.compile("mongodb://([a-z-]+):\\$\\{([A-Z_]+):\\?[^}]*}"
            + "@mongo-1:27017,mongo-2:27017,mongo-3:27017/([a-z]+)\\?replicaSet=rs0");

    final ComposeFile cluster = new ComposeFile(CLUSTER);
    final ComposeFile single = new ComposeFile(ROOT.resolve("docker-compose.yml"));

    @Test
    void shouldRunThreeBrokersThreeReplicaSetMembersRedisAndTwoInstancesOfEveryServiceEachWithAHealthcheck() {
        Set<String> expected = new HashSet<>(List.of("kafka-init", "mongo-init", "redis", "prometheus", "grafana",
                "jaeger"));
        expected.addAll(BROKERS);
        expected.addAll(MEMBERS);
        SERVICES.forEach(service -> expected.addAll(instances(service)));
        assertThat(cluster.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);

        for (String oneShot : List.of("kafka-init", "mongo-init")) {
            assertThat(cluster.service(oneShot).get("restart")).as(oneShot).isEqualTo("no");
            assertThat(cluster.service(oneShot)).as(oneShot).doesNotContainKey("healthcheck");
        }
        cluster.services().forEach((name, definition) -> {
            if (!name.endsWith("-init")) {
                assertThat(map(definition)).as("healthcheck of %s", name).containsKey("healthcheck");
            }
            assertThat(String.valueOf(map(definition).get("mem_limit"))).as("memory limit of %s", name)
                    .matches("\\d+m");
        });
    }

    @Test
    void shouldRunEveryInstanceFromTheSingleNodesImageWithItsReadinessCheckTelemetryAndGracefulStop() {
        for (String service : SERVICES) {
            Map<String, Object> reference = single.service(service);
            for (String instance : instances(service)) {
                Map<String, Object> definition = cluster.service(instance);
                assertThat(definition.get("image")).as("image of %s", instance).isEqualTo(reference.get("image"));
                assertThat(cluster.env(instance).get("SERVER_PORT")).as("port of %s", instance)
                        .isEqualTo(single.env(service).get("SERVER_PORT"));
                assertThat(String.valueOf(map(definition.get("healthcheck")).get("test")))
                        .as("readiness of %s", instance)
                        .isEqualTo(String.valueOf(map(reference.get("healthcheck")).get("test")));
                assertThat(cluster.env(instance)).as("telemetry of %s", instance)
                        .containsAllEntriesOf(DockerComposeFileTest.TELEMETRY);
                assertThat(definition.get("stop_grace_period")).isEqualTo(reference.get("stop_grace_period"));
                assertThat(definition.get("restart")).isEqualTo("unless-stopped");
            }
            assertThat(cluster.env(service + "-1")).as("both instances of %s alike", service)
                    .isEqualTo(cluster.env(service + "-2"));
        }
    }

    @Test
    void shouldSetOnlyVariablesTheSingleNodeSetsPlusTheClustersOwn() {
        Set<String> clusterOnly = Set.of("KAFKA_BOOTSTRAP_SERVERS", "CALLIYO_TOPIC_REPLICATION_FACTOR",
                "SPRING_APPLICATION_JSON", "CALLIYO_RATE_LIMIT_STORE", "SPRING_DATA_REDIS_HOST",
                "SPRING_DATA_REDIS_PORT", "SPRING_DATA_REDIS_USERNAME", "SPRING_DATA_REDIS_PASSWORD");
        for (String service : SERVICES) {
            Set<String> allowed = new HashSet<>(single.env(service).keySet());
            allowed.addAll(clusterOnly);
            Map<String, Object> env = cluster.env(service + "-1");
            assertThat(env.keySet()).as("variables of %s", service).allMatch(allowed::contains);
            // every single-node setting that is not an address is kept as it was
            single.env(service).forEach((key, value) -> {
                if (!key.endsWith("_URL") && !key.equals("KAFKA_BOOTSTRAP_SERVERS") && !key.equals("MONGODB_URI")) {
                    assertThat(env).as("%s of %s", key, service).containsEntry(key, value);
                }
            });
        }
    }

    @Test
    void shouldFormatThreeKraftNodesAsOneClusterWithEveryScramLoginAndAControllerLogin() throws IOException {
        Properties broker = clusterBrokerProperties();
        assertThat(broker).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                .containsEntry("listeners", "INTERNAL://:9092,CONTROLLER://:9093")
                // no plain listener at all: the quorum's is on the network now, so it signs in too
                .containsEntry("listener.security.protocol.map", "INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:admin;User:controller")
                .containsEntry("auto.create.topics.enable", "false");
        assertThat(String.valueOf(broker)).as("a secret in the committed file").doesNotContain("password");

        String start = Files.readString(ROOT.resolve("ops/kafka/cluster/start.sh"));
        assertThat(start).contains("cp /etc/calliyo/kafka/cluster/server.properties")
                .contains("node.id=$KAFKA_NODE_ID").contains("advertised.listeners=INTERNAL://kafka-$KAFKA_NODE_ID:9092")
                .contains("--cluster-id \"$KAFKA_CLUSTER_ID\"")
                .contains("--add-scram \"SCRAM-SHA-512=[name=")
                .contains("user_controller=");
        Matcher logins = Pattern.compile("for service in ([a-z -]+); do").matcher(start);
        assertThat(logins.find()).isTrue();
        assertThat(logins.group(1).split(" ")).as("SCRAM logins made at format time")
                .containsExactlyInAnyOrderElementsOf(SERVICES);

        Set<String> nodeIds = new HashSet<>();
        for (String node : BROKERS) {
            Map<String, Object> env = cluster.env(node);
            nodeIds.add(String.valueOf(env.get("KAFKA_NODE_ID")));
            assertThat(node).isEqualTo("kafka-" + env.get("KAFKA_NODE_ID"));
            assertThat(cluster.service(node).get("entrypoint")).asString()
                    .contains("/etc/calliyo/kafka/cluster/start.sh");
            assertThat(list(cluster.service(node).get("volumes"))).contains("./ops/kafka:/etc/calliyo/kafka:ro")
                    .contains(node + "-data:/var/lib/kafka/data");
            assertThat(cluster.service(node)).doesNotContainKey("ports");
            // the same heap as the single node's, inside the same 768 MiB
            assertThat(env).containsEntry("KAFKA_HEAP_OPTS", single.env("kafka").get("KAFKA_HEAP_OPTS"));
            assertThat(cluster.service(node).get("mem_limit")).isEqualTo(single.service("kafka").get("mem_limit"));
            for (String secret : List.of("KAFKA_CLUSTER_ID", "KAFKA_CONTROLLER_PASSWORD", "KAFKA_ADMIN_PASSWORD")) {
                assertThat(String.valueOf(env.get(secret))).as("%s of %s", secret, node).startsWith("${" + secret + ":?");
            }
            for (String service : SERVICES) {
                String variable = kafkaPasswordVariable(service);
                assertThat(String.valueOf(env.get(variable))).as("%s of %s", variable, node)
                        .startsWith("${" + variable + ":?");
            }
        }
        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void shouldReplicateEveryTopicThreeTimesAndAcknowledgeOnlyWhatTwoBrokersHave() throws IOException {
        Properties broker = clusterBrokerProperties();
        assertThat(broker).containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("share.coordinator.state.topic.replication.factor", "3");

        // kafka-init creates every topic of topics.conf with that replication and grants acls.conf: the same files
        // as the single node, on all three brokers
        Map<String, Object> init = cluster.env("kafka-init");
        assertThat(init).containsEntry("KAFKA_INIT_REPLICATION_FACTOR", "3")
                .containsEntry("KAFKA_INIT_MIN_INSYNC_REPLICAS", "2")
                .containsEntry("KAFKA_INIT_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        assertThat(String.valueOf(init.get("KAFKA_ADMIN_PASSWORD"))).startsWith("${KAFKA_ADMIN_PASSWORD:?");
        String initScript = Files.readString(ROOT.resolve("ops/kafka/init.sh"));
        assertThat(initScript).contains("BOOTSTRAP=${KAFKA_INIT_BOOTSTRAP_SERVERS:-kafka:9092}")
                .contains("--replication-factor \"$REPLICATION_FACTOR\"")
                .contains("--config \"min.insync.replicas=$MIN_INSYNC_REPLICAS\"")
                .contains("/etc/calliyo/kafka/topics.conf").contains("/etc/calliyo/kafka/acls.conf");
        assertThat(cluster.service("kafka-init").get("entrypoint")).asString().contains("/etc/calliyo/kafka/init.sh");
        assertThat(list(cluster.service("kafka-init").get("volumes"))).contains("./ops/kafka:/etc/calliyo/kafka:ro");
        BROKERS.forEach(node -> assertThat(cluster.dependsOn("kafka-init")).containsEntry(node, "service_healthy"));

        // the topics' owners declare them at start too: with the same replication, or they would ask for less
        for (String owner : List.of("lead-service", "order-service")) {
            String applicationYml = Files.readString(ROOT.resolve(owner + "/src/main/resources/application.yml"));
            assertThat(applicationYml).contains("${CALLIYO_TOPIC_REPLICATION_FACTOR:");
            for (String instance : instances(owner)) {
                assertThat(cluster.env(instance)).containsEntry("CALLIYO_TOPIC_REPLICATION_FACTOR", "3");
            }
        }
    }

    @Test
    void shouldSignEveryInstanceInToAllThreeBrokersWithItsServicesOwnScramLogin() {
        for (String service : SERVICES) {
            for (String instance : instances(service)) {
                Map<String, Object> env = cluster.env(instance);
                assertThat(env).containsAllEntriesOf(DockerComposeFileTest.KAFKA_SASL)
                        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092")
                        .containsEntry(DockerComposeFileTest.KAFKA_LOGIN,
                                single.env(service).get(DockerComposeFileTest.KAFKA_LOGIN));
                assertThat(String.valueOf(env.get(DockerComposeFileTest.KAFKA_LOGIN)))
                        .contains("username=\"" + service + "\" password=\"${" + kafkaPasswordVariable(service) + ":?");
                BROKERS.forEach(node -> assertThat(cluster.dependsOn(instance)).as("%s waits for %s", instance, node)
                        .containsEntry(node, "service_healthy"));
                assertThat(cluster.dependsOn(instance)).containsEntry("kafka-init", "service_completed_successfully");
            }
        }
    }

    @Test
    void shouldInitiateTheReplicaSetOverThreeMembersOnceAndGiveEachServiceAUserOnItsOwnDatabaseOnly()
            throws IOException {
        for (String member : MEMBERS) {
            Map<String, Object> definition = cluster.service(member);
            assertThat(String.valueOf(definition.get("command"))).contains("--replSet, rs0");
            assertThat(definition.get("entrypoint")).asString().contains("/etc/calliyo/mongo/start.sh");
            assertThat(list(definition.get("volumes")))
                    .contains("./ops/mongo/cluster/start.sh:/etc/calliyo/mongo/start.sh:ro")
                    .contains(member + "-data:/data/db");
            assertThat(String.valueOf(cluster.env(member).get("MONGO_REPLICA_SET_KEY")))
                    .startsWith("${MONGO_REPLICA_SET_KEY:?");
            assertThat(definition).doesNotContainKey("ports");
            assertThat(cluster.dependsOn("mongo-init")).containsEntry(member, "service_healthy");
        }
        // only the first member creates the root user; the others copy it from the primary
        assertThat(String.valueOf(cluster.env("mongo-1").get("MONGO_INITDB_ROOT_PASSWORD")))
                .startsWith("${MONGO_ROOT_PASSWORD:?");
        assertThat(cluster.env("mongo-2")).doesNotContainKey("MONGO_INITDB_ROOT_PASSWORD");
        assertThat(cluster.env("mongo-3")).doesNotContainKey("MONGO_INITDB_ROOT_PASSWORD");
        assertThat(Files.readString(ROOT.resolve("ops/mongo/cluster/start.sh")))
                .contains("--keyFile").contains("MONGO_REPLICA_SET_KEY").doesNotContain("urandom");

        String init = Files.readString(ROOT.resolve("ops/mongo/cluster/init-replica-set.js"));
        assertThat(init).contains("['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017']")
                .contains("replSetInitiate: { _id: 'rs0'")
                .contains("admin.auth('root', process.env.MONGO_ROOT_PASSWORD)")
                .contains("roles: [{ role: 'readWrite', db: database }]");
        assertThat(Pattern.compile("role:").matcher(init).results().count()).as("one role, nothing else")
                .isEqualTo(1);
        assertThat(cluster.service("mongo-init").get("entrypoint")).asString()
                .contains("/etc/calliyo/mongo/init-replica-set.js");
        assertThat(list(cluster.service("mongo-init").get("volumes")))
                .contains("./ops/mongo/cluster/init-replica-set.js:/etc/calliyo/mongo/init-replica-set.js:ro");
        Map<String, Object> initEnv = cluster.env("mongo-init");
        assertThat(String.valueOf(initEnv.get("MONGO_ROOT_PASSWORD"))).startsWith("${MONGO_ROOT_PASSWORD:?");

        for (String service : DATA_SERVICES) {
            String variable = "MONGO_PASSWORD_" + service.toUpperCase().replace('-', '_');
            Matcher single = DockerComposeFileTest.MONGO_URI.matcher(String.valueOf(this.single.env(service)
                    .get("MONGODB_URI")));
            assertThat(single.matches()).isTrue();
            assertThat(init).as("the init script creates %s in its database", service)
                    .contains("'" + service + "': '" + single.group(3) + "'");
            assertThat(String.valueOf(initEnv.get(variable))).startsWith("${" + variable + ":?");
            for (String instance : instances(service)) {
                Matcher uri = MONGO_URI.matcher(String.valueOf(cluster.env(instance).get("MONGODB_URI")));
                assertThat(uri.matches()).as("MONGODB_URI of %s", instance).isTrue();
                assertThat(uri.group(1)).isEqualTo(service);
                assertThat(uri.group(2)).isEqualTo(variable);
                assertThat(uri.group(3)).as("database of %s", instance).isEqualTo(single.group(3));
                assertThat(cluster.dependsOn(instance)).containsEntry("mongo-init", "service_completed_successfully");
            }
            for (String other : cluster.services().keySet()) {
                boolean own = other.startsWith(service + "-") || other.equals("mongo-init");
                assertThat(own || !String.valueOf(cluster.env(other)).contains(variable))
                        .as("%s's password in the environment of %s", service, other).isTrue();
            }
        }
    }

    @Test
    void shouldLetTheGatewaysBalanceOverBothInstancesOfEveryService() {
        for (String gateway : instances("gateway")) {
            JsonNode instances = JsonMapper.builder().build()
                    .readTree(String.valueOf(cluster.env(gateway).get("SPRING_APPLICATION_JSON")))
                    .at("/spring/cloud/discovery/client/simple/instances");
            List<String> routed = new ArrayList<>(DATA_SERVICES);
            routed.add("web-app");
            assertThat(instances.propertyNames()).as("services %s balances over", gateway)
                    .containsExactlyInAnyOrderElementsOf(routed);
            for (String service : routed) {
                List<String> uris = new ArrayList<>();
                instances.get(service).forEach(instance -> uris.add(instance.get("uri").asString()));
                String port = String.valueOf(cluster.env(service + "-1").get("SERVER_PORT"));
                assertThat(uris).as("instances of %s", service).containsExactly(
                        "http://" + service + "-1:" + port, "http://" + service + "-2:" + port);
                for (String instance : instances(service)) {
                    assertThat(cluster.dependsOn(gateway)).containsEntry(instance, "service_healthy");
                }
                // the single address of today's routes: the name both instances answer to
                URI single = URI.create(String.valueOf(cluster.env(gateway)
                        .get(service.replace("-", "_").toUpperCase() + "_URL")));
                assertThat(single.getHost()).isEqualTo(service);
                assertThat(String.valueOf(single.getPort())).isEqualTo(port);
                for (String instance : instances(service)) {
                    assertThat(aliases(instance)).as("names of %s", instance).containsExactly(service);
                }
            }
        }
        // the services that take one lead-service address, and the web client's one gateway address
        for (String service : List.of("customer-service", "order-service", "reporting-service", "webhook-service")) {
            assertThat(cluster.env(service + "-1")).containsEntry("LEAD_SERVICE_URL", "http://lead-service:8081");
            assertThat(cluster.dependsOn(service + "-1")).containsEntry("lead-service-1", "service_healthy")
                    .containsEntry("lead-service-2", "service_healthy");
        }
        assertThat(cluster.env("web-app-1")).containsEntry("GATEWAY_URL", "http://gateway:8080");
        assertThat(aliases("gateway-1")).containsExactly("gateway");
        assertThat(aliases("gateway-2")).containsExactly("gateway");
        assertThat(cluster.dependsOn("web-app-1")).doesNotContainKeys("gateway-1", "gateway-2");
    }

    @Test
    void shouldShareTheGatewaysRateLimitsInARedisOnlyTheyCanUseAndOnlyForTheirBuckets() throws IOException {
        Map<String, Object> gatewayConfig = load(ROOT.resolve("gateway/src/main/resources/application.yml"));
        String storeSetting = String.valueOf(map(map(gatewayConfig.get("gateway")).get("rate-limit")).get("store"));
        assertThat(storeSetting).isEqualTo("${CALLIYO_RATE_LIMIT_STORE:memory}");
        for (String gateway : instances("gateway")) {
            assertThat(cluster.env(gateway)).containsEntry("CALLIYO_RATE_LIMIT_STORE", "redis")
                    .containsEntry("SPRING_DATA_REDIS_HOST", "redis")
                    .containsEntry("SPRING_DATA_REDIS_PORT", "6379")
                    .containsEntry("SPRING_DATA_REDIS_USERNAME", "gateway");
            assertThat(String.valueOf(cluster.env(gateway).get("SPRING_DATA_REDIS_PASSWORD")))
                    .startsWith("${REDIS_PASSWORD_GATEWAY:?");
            assertThat(cluster.dependsOn(gateway)).containsEntry("redis", "service_healthy");
        }
        cluster.services().keySet().stream().filter(name -> !name.startsWith("gateway-") && !name.equals("redis"))
                .forEach(name -> assertThat(String.valueOf(cluster.env(name))).as("environment of %s", name)
                        .doesNotContain("REDIS_PASSWORD_GATEWAY"));

        Map<String, Object> redis = cluster.service("redis");
        assertThat(String.valueOf(redis.get("image"))).matches("redis:\\d+\\.\\d+\\.\\d+");
        assertThat(redis).doesNotContainKey("ports");
        assertThat(redis.get("user")).isEqualTo("redis");
        assertThat(list(redis.get("volumes"))).containsExactly("./ops/redis/start.sh:/etc/calliyo/redis/start.sh:ro");
        assertThat(String.valueOf(map(redis.get("healthcheck")).get("test"))).contains("REDISCLI_AUTH")
                .contains("--user gateway");

        String start = Files.readString(ROOT.resolve("ops/redis/start.sh"));
        assertThat(start).contains("user default off resetpass -@all")
                // the key prefix is the gateway's default (RateLimitProperties.Redis)
                .contains("user gateway on >$REDIS_PASSWORD_GATEWAY resetkeys ~calliyo:rate-limit:* resetchannels -@all")
                .contains("save \"\"").contains("appendonly no").contains("maxmemory-policy volatile-ttl");
        Matcher allowed = Pattern.compile("-@all ((?:\\+\\S+ ?)+)$", Pattern.MULTILINE).matcher(start);
        assertThat(allowed.find()).isTrue();
        assertThat(allowed.group(1).trim().split(" ")).as("commands of the gateways' login")
                .containsExactlyInAnyOrder("+eval", "+evalsha", "+hmget", "+hset", "+pexpire", "+time", "+ping");
        String bucketScript = Files.readString(ROOT.resolve("gateway/src/main/resources/ratelimit/token-bucket.lua"));
        Matcher calls = Pattern.compile("redis\\.call\\('([A-Z]+)'").matcher(bucketScript);
        while (calls.find()) {
            assertThat(allowed.group(1)).as("the bucket script's %s is allowed", calls.group(1))
                    .contains("+" + calls.group(1).toLowerCase());
        }
    }

    @Test
    void shouldPublishOnlyTheGatewaysAndKeepOperatorsToolsOnTheLoopback() {
        cluster.services().forEach((name, definition) -> {
            for (Object port : list(map(definition).get("ports"))) {
                assertThat(name.startsWith("gateway-") || String.valueOf(port).startsWith("127.0.0.1:"))
                        .as("port %s of %s", port, name).isTrue();
            }
        });
        assertThat(list(cluster.service("gateway-1").get("ports"))).containsExactly("8080:8080");
        assertThat(list(cluster.service("gateway-2").get("ports"))).containsExactly("8081:8080");
        assertThat(list(cluster.service("grafana").get("ports"))).containsExactly("127.0.0.1:3000:3000");
        assertThat(list(cluster.service("jaeger").get("ports"))).containsExactly("127.0.0.1:16686:16686");
    }

    @Test
    void shouldRunNothingAsRootThatCanDoWithout() {
        // the services' images run as user 1000 (Jib, checked by DockerComposeFileTest); the stores' images drop
        // to their own users in their entrypoints; the helpers started here name theirs
        for (String service : SERVICES) {
            for (String instance : instances(service)) {
                assertThat(cluster.service(instance)).as(instance).doesNotContainKey("user");
            }
        }
        assertThat(cluster.service("redis").get("user")).isEqualTo("redis");
        assertThat(cluster.service("mongo-init").get("user")).isEqualTo("mongodb");
    }

    @Test
    void shouldReadEverySecretFromEnvAndNameEachInTheEnvExampleWithoutAValue() throws IOException {
        Set<String> active = new HashSet<>();
        Set<String> clusterOnly = new HashSet<>();
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher commented = Pattern.compile("^#([A-Z][A-Z0-9_]*)=(.*)$").matcher(line);
            if (commented.matches()) {
                clusterOnly.add(commented.group(1));
                values.put(commented.group(1), commented.group(2));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                active.add(line.substring(0, line.indexOf('=')));
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Set<String> read = ComposeFile.variablesRead(CLUSTER);
        Set<String> named = new HashSet<>(active);
        named.addAll(clusterOnly);
        assertThat(named).as(".env.example names every variable the cluster file reads").containsAll(read);
        assertThat(clusterOnly).as("the cluster-only ones").containsExactlyInAnyOrder("KAFKA_CLUSTER_ID",
                "KAFKA_CONTROLLER_PASSWORD", "MONGO_REPLICA_SET_KEY", "REDIS_PASSWORD_GATEWAY");
        assertThat(ComposeFile.variablesRead(ROOT.resolve("docker-compose.yml"))).as("the single node reads none")
                .doesNotContainAnyElementsOf(clusterOnly);
        assertThat(values.values()).as("no value committed").allMatch(String::isEmpty);

        for (String name : cluster.services().keySet()) {
            cluster.env(name).forEach((key, value) -> {
                if (key.matches(".*(PASSWORD|SECRET|_KEY$|JAAS|CLUSTER_ID).*")) {
                    assertThat(String.valueOf(value)).as("%s of %s", key, name).matches("(?s).*\\$\\{[A-Z_]+:[?-].*");
                }
            });
        }
        String text = Files.readString(CLUSTER);
        assertThat(text).as("a password given in the file").doesNotContainPattern("password=\"[^$]")
                .doesNotContainPattern("mongodb://[^:/]+:[^$]");
        for (String opsFile : List.of("ops/kafka/cluster/server.properties", "ops/kafka/cluster/start.sh",
                "ops/mongo/cluster/start.sh", "ops/mongo/cluster/init-replica-set.js", "ops/redis/start.sh")) {
            assertThat(Files.readString(ROOT.resolve(opsFile))).as(opsFile)
                    .as("a literal password").doesNotContainPattern("(?i)(password|pwd)\\s*[=:]\\s*['\"][^'\"$]{4,}['\"]");
        }
    }

    @Test
    void shouldScrapeEveryInstanceWithTheSingleNodesAlertRules() {
        Map<String, Object> prometheus = load(ROOT.resolve("ops/prometheus/prometheus-cluster.yml"));
        Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<Object> targets = list(map(list(job.get("static_configs")).get(0)).get("targets"));
        List<String> expected = new ArrayList<>();
        for (String service : SERVICES) {
            for (String instance : instances(service)) {
                expected.add(instance + ":" + cluster.env(instance).get("SERVER_PORT"));
            }
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(list(prometheus.get("rule_files"))).containsExactly("alerts.yml");
        assertThat(String.valueOf(cluster.service("prometheus").get("command")))
                .contains("--config.file=/etc/prometheus/prometheus-cluster.yml");
        assertThat(list(cluster.service("prometheus").get("volumes"))).contains("./ops/prometheus:/etc/prometheus:ro");
    }

    private static List<String> instances(String service) {
        return List.of(service + "-1", service + "-2");
    }

    private List<Object> aliases(String instance) {
        return list(map(map(cluster.service(instance).get("networks")).get("default")).get("aliases"));
    }

    private static String kafkaPasswordVariable(String service) {
        return "KAFKA_PASSWORD_" + service.toUpperCase().replace('-', '_');
    }

    private static Properties clusterBrokerProperties() throws IOException {
        Properties broker = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve("ops/kafka/cluster/server.properties"))) {
            broker.load(reader);
        }
        return broker;
    }
}
