package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the local stack finds the built services, where it keeps its data, and the ports it listens on.
 * {@link #builder()} starts from the defaults: the current directory as repository root, {@code <repoRoot>/data},
 * Kafka 9092 (controller 9093), MongoDB 27017, gateway 8080, the services 8081 to 8084, the web client 8085 and
 * webhook-service 8086, one instance of each service and one broker.
 * <p>
 * With {@code replicas} above 1 every back-end service (those with a database: lead, customer, order, reporting,
 * webhook) runs that many instances; instance {@code i} (from 0) listens on its service's port + {@code i} x
 * {@link #INSTANCE_PORT_STEP} (lead-service 8081, 8181, 8281...). The gateway and the web client stay single. With
 * {@code kafkaBrokers} above 1, broker {@code i} listens on the Kafka ports + {@code i} x {@link #INSTANCE_PORT_STEP}
 * (9092/9093, 9192/9193, 9292/9293) and they form one KRaft quorum.
 *
 * @param dataDir        where Kafka's log, the MongoDB H2 file and the service logs live; unused when {@code inMemory}
 * @param inMemory       keep nothing: Kafka and the logs go to a temporary directory, MongoDB to memory
 * @param parallelStarts how many services start at the same time (the machine has few cores)
 * @param telemetry      where the services' traces go and how they log
 * @param replicas       instances of each back-end service (1 to {@link #MAX_REPLICAS})
 * @param kafkaBrokers   broker JVMs, each broker and controller of one KRaft quorum (1 to {@link #MAX_BROKERS})
 */
public record LocalStackConfig(
        Path repoRoot,
        Path dataDir,
        boolean inMemory,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int gatewayPort,
        int leadServicePort,
        int customerServicePort,
        int orderServicePort,
        int reportingServicePort,
        int webAppPort,
        int webhookServicePort,
        Duration startupTimeout,
        int parallelStarts,
        Telemetry telemetry,
        int replicas,
        int kafkaBrokers) {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);
    public static final int DEFAULT_PARALLEL_STARTS = 3;
    /** Instance i of a service (and broker i) listens on the first one's port + i x this. */
    public static final int INSTANCE_PORT_STEP = 100;
    public static final int MAX_REPLICAS = 5;
    public static final int MAX_BROKERS = 5;

    public LocalStackConfig {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(telemetry, "telemetry");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, not " + startupTimeout);
        }
        if (parallelStarts < 1) {
            throw new IllegalArgumentException("parallelStarts must be at least 1, not " + parallelStarts);
        }
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas must be between 1 and " + MAX_REPLICAS + ", not " + replicas);
        }
        if (kafkaBrokers < 1 || kafkaBrokers > MAX_BROKERS) {
            throw new IllegalArgumentException("kafkaBrokers must be between 1 and " + MAX_BROKERS + ", not "
                    + kafkaBrokers);
        }
        List<PortUse> ports = ports(kafkaPort, kafkaControllerPort, mongoPort,
                gatewayPort, leadServicePort, customerServicePort, orderServicePort, reportingServicePort, webAppPort,
                webhookServicePort, replicas, kafkaBrokers);
        Set<Integer> seen = new HashSet<>();
        for (PortUse use : ports) {
            if (use.port() < 1 || use.port() > 65535) {
                throw new IllegalArgumentException(use + " is outside 1-65535");
            }
            if (!seen.add(use.port())) {
                throw new IllegalArgumentException(use + " is also given to another part of the stack");
            }
        }
    }

    public static LocalStackConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The same stack with {@code offset} added to every port, so that a second stack fits next to the first. */
    public LocalStackConfig withPortOffset(int offset) {
        for (PortUse use : ports()) {
            long moved = (long) use.port() + offset;
            if (moved < 1 || moved > 65535) {
                throw new IllegalArgumentException(
                        "Port offset " + offset + " moves " + use + " outside 1-65535");
            }
        }
        return new LocalStackConfig(repoRoot, dataDir, inMemory,
                kafkaPort + offset, kafkaControllerPort + offset, mongoPort + offset,
                gatewayPort + offset, leadServicePort + offset, customerServicePort + offset,
                orderServicePort + offset, reportingServicePort + offset, webAppPort + offset,
                webhookServicePort + offset, startupTimeout, parallelStarts, telemetry, replicas, kafkaBrokers);
    }

    /** Every port the stack listens on, with its role; the services in start order after the infrastructure. */
    public List<PortUse> ports() {
        return ports(kafkaPort, kafkaControllerPort, mongoPort,
                gatewayPort, leadServicePort, customerServicePort, orderServicePort, reportingServicePort, webAppPort,
                webhookServicePort, replicas, kafkaBrokers);
    }

    /** How many instances of {@code module} run: {@link #replicas} for a back-end service, one of the others. */
    public int instances(ServiceModule module) {
        return module.database().isPresent() ? replicas : 1;
    }

    /** The port of instance {@code instance} (from 0) of {@code module}. */
    public int servicePort(ServiceModule module, int instance) {
        return servicePort(module) + instance * INSTANCE_PORT_STEP;
    }

    public String serviceUrl(ServiceModule module, int instance) {
        return "http://127.0.0.1:" + servicePort(module, instance);
    }

    /** The URLs of every instance of {@code module}, comma-separated (the gateway's {@code <SERVICE>_URLS}). */
    public String serviceUrls(ServiceModule module) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < instances(module); i++) {
            urls.add(serviceUrl(module, i));
        }
        return String.join(",", urls);
    }

    /** The client port of broker {@code broker} (from 0). */
    public int kafkaPort(int broker) {
        return kafkaPort + broker * INSTANCE_PORT_STEP;
    }

    /** The controller port of broker {@code broker} (from 0). */
    public int kafkaControllerPort(int broker) {
        return kafkaControllerPort + broker * INSTANCE_PORT_STEP;
    }

    /**
     * The replication factor of the services' topics (and the brokers' internal ones): 3 from three brokers up, else
     * as many as there are brokers.
     */
    public int topicReplicationFactor() {
        return Math.min(kafkaBrokers, 3);
    }

    /** min.insync.replicas that goes with {@link #topicReplicationFactor()}: 2 of 3, else 1. */
    public int topicMinInsyncReplicas() {
        return topicReplicationFactor() >= 3 ? 2 : 1;
    }

    public int servicePort(ServiceModule module) {
        return switch (module) {
            case GATEWAY -> gatewayPort;
            case LEAD_SERVICE -> leadServicePort;
            case CUSTOMER_SERVICE -> customerServicePort;
            case ORDER_SERVICE -> orderServicePort;
            case REPORTING_SERVICE -> reportingServicePort;
            case WEB_APP -> webAppPort;
            case WEBHOOK_SERVICE -> webhookServicePort;
        };
    }

    public String serviceUrl(ServiceModule module) {
        return "http://127.0.0.1:" + servicePort(module);
    }

    /** Every broker, comma-separated. */
    public String kafkaBootstrapServers() {
        List<String> brokers = new ArrayList<>();
        for (int i = 0; i < kafkaBrokers; i++) {
            brokers.add("127.0.0.1:" + kafkaPort(i));
        }
        return String.join(",", brokers);
    }

    public String mongoAddress() {
        return "127.0.0.1:" + mongoPort;
    }

    public String mongoUri(String database) {
        return "mongodb://" + mongoAddress() + "/" + database;
    }

    private static List<PortUse> ports(int kafka, int controller, int mongo,
                                       int gateway, int lead, int customer, int order, int reporting,
                                       int webApp, int webhook, int replicas, int brokers) {
        List<PortUse> ports = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            String suffix = i == 0 ? "" : " " + i;
            ports.add(new PortUse(kafka + i * INSTANCE_PORT_STEP, "Kafka broker" + suffix));
            ports.add(new PortUse(controller + i * INSTANCE_PORT_STEP, "Kafka controller" + suffix));
        }
        ports.add(new PortUse(mongo, "MongoDB"));
        for (int i = 0; i < replicas; i++) {
            addInstance(ports, lead, ServiceModule.LEAD_SERVICE, i);
            addInstance(ports, customer, ServiceModule.CUSTOMER_SERVICE, i);
            addInstance(ports, order, ServiceModule.ORDER_SERVICE, i);
            addInstance(ports, reporting, ServiceModule.REPORTING_SERVICE, i);
            addInstance(ports, webhook, ServiceModule.WEBHOOK_SERVICE, i);
        }
        ports.add(new PortUse(webApp, ServiceModule.WEB_APP.moduleName()));
        ports.add(new PortUse(gateway, ServiceModule.GATEWAY.moduleName()));
        return List.copyOf(ports);
    }

    private static void addInstance(List<PortUse> ports, int firstPort, ServiceModule module, int instance) {
        ports.add(new PortUse(firstPort + instance * INSTANCE_PORT_STEP, module.instanceName(instance)));
    }

    /** Defaults everywhere; {@link #dataDir} defaults to {@code <repoRoot>/data}. */
    public static final class Builder {

        private Path repoRoot = Path.of("");
        private Path dataDir;
        private boolean inMemory;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int gatewayPort = 8080;
        private int leadServicePort = 8081;
        private int customerServicePort = 8082;
        private int orderServicePort = 8083;
        private int reportingServicePort = 8084;
        private int webAppPort = 8085;
        private int webhookServicePort = 8086;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private int parallelStarts = DEFAULT_PARALLEL_STARTS;
        private Telemetry telemetry = Telemetry.DEFAULT;
        private int replicas = 1;
        private int kafkaBrokers = 1;

        private Builder() {
        }

        private Builder(LocalStackConfig config) {
            repoRoot = config.repoRoot;
            dataDir = config.dataDir;
            inMemory = config.inMemory;
            kafkaPort = config.kafkaPort;
            kafkaControllerPort = config.kafkaControllerPort;
            mongoPort = config.mongoPort;
            gatewayPort = config.gatewayPort;
            leadServicePort = config.leadServicePort;
            customerServicePort = config.customerServicePort;
            orderServicePort = config.orderServicePort;
            reportingServicePort = config.reportingServicePort;
            webAppPort = config.webAppPort;
            webhookServicePort = config.webhookServicePort;
            startupTimeout = config.startupTimeout;
            parallelStarts = config.parallelStarts;
            telemetry = config.telemetry;
            replicas = config.replicas;
            kafkaBrokers = config.kafkaBrokers;
        }

        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder inMemory(boolean inMemory) {
            this.inMemory = inMemory;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        public Builder servicePort(ServiceModule module, int port) {
            switch (module) {
                case GATEWAY -> gatewayPort = port;
                case LEAD_SERVICE -> leadServicePort = port;
                case CUSTOMER_SERVICE -> customerServicePort = port;
                case ORDER_SERVICE -> orderServicePort = port;
                case REPORTING_SERVICE -> reportingServicePort = port;
                case WEB_APP -> webAppPort = port;
                case WEBHOOK_SERVICE -> webhookServicePort = port;
            }
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public Builder parallelStarts(int parallelStarts) {
            this.parallelStarts = parallelStarts;
            return this;
        }

        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = telemetry;
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder kafkaBrokers(int kafkaBrokers) {
            this.kafkaBrokers = kafkaBrokers;
            return this;
        }

        public LocalStackConfig build() {
            Path root = repoRoot.toAbsolutePath().normalize();
            Path data = dataDir != null ? dataDir : root.resolve("data");
            return new LocalStackConfig(root, data, inMemory, kafkaPort, kafkaControllerPort, mongoPort,
                    gatewayPort, leadServicePort, customerServicePort, orderServicePort, reportingServicePort,
                    webAppPort, webhookServicePort, startupTimeout, parallelStarts, telemetry, replicas, kafkaBrokers);
        }
    }
}
