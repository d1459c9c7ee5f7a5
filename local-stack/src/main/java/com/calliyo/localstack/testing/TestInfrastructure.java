package com.calliyo.localstack.testing;

import java.net.InetSocketAddress;
import java.util.Locale;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB that integration tests run against, started once per test JVM and shared by every
 * test class in it. With a Docker engine it is Testcontainers (Apache Kafka + MongoDB); without one it is a real
 * KRaft broker in-process (spring-kafka-test) and mongo-java-server. The same test classes run on both.
 * <p>
 * {@code -Dcalliyo.test.infrastructure=embedded|docker} forces one; the default {@code auto} picks by availability.
 */
public final class TestInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static Endpoints shared;

    private TestInfrastructure() {
    }

    /** Where the shared infrastructure listens; {@code kind} is "embedded" or "docker". */
    public record Endpoints(String kind, String kafkaBootstrapServers, String mongoServer) {

        public String mongoUri(String database) {
            return "mongodb://" + mongoServer + "/" + database;
        }
    }

    public static synchronized Endpoints shared() {
        if (shared == null) {
            shared = useDocker() ? startContainers() : startEmbedded();
        }
        return shared;
    }

    /** Points a Spring Boot test at the shared infrastructure, using {@code database} in MongoDB. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        Endpoints endpoints = shared();
        registry.add("spring.kafka.bootstrap-servers", endpoints::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> endpoints.mongoUri(database));
    }

    static boolean useDocker() {
        String choice = System.getProperty("calliyo.test.infrastructure", "auto").toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> false;
            case "docker" -> true;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(
                    "calliyo.test.infrastructure must be auto, embedded or docker, not " + choice);
        };
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            broker.destroy();
        }, "test-infrastructure-stop"));
        return new Endpoints("embedded", broker.getBrokersAsString(),
                address.getHostString() + ":" + address.getPort());
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new Endpoints("docker", kafka.getBootstrapServers(),
                mongo.getHost() + ":" + mongo.getMappedPort(27017));
    }
}
