package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A started local stack. {@link #close()} stops the services (gateway first), then the Kafka broker, then the
 * MongoDB-wire server, and deletes the temporary directory of an in-memory stack. A JVM shutdown hook does the same
 * if the owner never calls {@code close()}, so no child process outlives the JVM that started it (short of SIGKILL).
 */
public final class RunningStack implements AutoCloseable {

    private final LocalStackConfig config;
    private final StackDirectories directories;
    private final ProcessGroup processes = new ProcessGroup();
    private final Map<ServiceModule, ServiceProcess> services = new EnumMap<>(ServiceModule.class);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook;
    private volatile KafkaBrokerProcess kafka;
    private volatile MongoWireServer mongo;
    private boolean closing;
    private volatile Duration startupTime = Duration.ZERO;
    private final Map<String, String> secrets;

    RunningStack(LocalStackConfig config, StackDirectories directories, Map<String, String> serviceEnvironment) {
        this.config = config;
        this.directories = directories;
        Map<String, String> secrets = new LinkedHashMap<>(serviceEnvironment);
        secrets.keySet().retainAll(StackSecrets.LEAD_SERVICE_ONLY);
        this.secrets = Map.copyOf(secrets);
        this.shutdownHook = new Thread(this::close, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public LocalStackConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return config.serviceUrl(ServiceModule.GATEWAY);
    }

    public String serviceUrl(ServiceModule module) {
        return config.serviceUrl(module);
    }

    public String kafkaBootstrapServers() {
        return config.kafkaBootstrapServers();
    }

    /** host:port of the MongoDB-wire server. */
    public String mongoAddress() {
        return config.mongoAddress();
    }

    public String mongoUri(String database) {
        return config.mongoUri(database);
    }

    /** The data directory, or the temporary directory of an in-memory stack. */
    public Path dataDir() {
        return directories.root();
    }

    public Path logDir() {
        return directories.logDir();
    }

    public Path logFile(ServiceModule module) {
        return directories.logDir().resolve(module.moduleName() + ".log");
    }

    /** The key lead-service encrypts its signing keys with (e.g. for a test that reads them from the store). */
    public String keyEncryptionKey() {
        return secrets.get(StackSecrets.KEY_ENCRYPTION_KEY);
    }

    /** The password of user {@code operator} for lead-service's {@code /actuator/signingkeys}. */
    public String operatorPassword() {
        return secrets.get(StackSecrets.OPERATOR_PASSWORD);
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Process ids of the child JVMs ("kafka" and the module names), e.g. for measuring memory. */
    public synchronized Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (kafka != null) {
            pids.put("kafka", kafka.pid());
        }
        services.forEach((module, service) -> pids.put(module.moduleName(), service.child().pid()));
        return pids;
    }

    /** Faults to inflict on this stack and undo (for the fault-injection tests). */
    public StackFaults faults() {
        return new StackFaults(this);
    }

    /** Blocks until the stack has been stopped (by {@link #close()} or the shutdown hook). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                awaitStoppedQuietly();
                return;
            }
            closing = true;
        }
        processes.close();
        try {
            stopServices();
            KafkaBrokerProcess broker = kafka;
            if (broker != null && broker.isAlive()) {
                long start = System.nanoTime();
                broker.close();
                Console.step("Kafka broker stopped (" + Console.since(start) + ")");
            }
            MongoWireServer server = mongo;
            if (server != null) {
                server.close();
                Console.step("MongoDB-wire server stopped");
            }
            processes.killRemaining();
            directories.deleteIfTemporary();
        } finally {
            stopped.countDown();
            removeShutdownHook();
        }
    }

    ProcessGroup processes() {
        return processes;
    }

    StackDirectories directories() {
        return directories;
    }

    synchronized boolean isClosing() {
        return closing;
    }

    void attach(KafkaBrokerProcess broker) {
        synchronized (this) {
            if (!closing) {
                kafka = broker;
                return;
            }
        }
        broker.close();
        throw stopping();
    }

    void attach(MongoWireServer server) {
        synchronized (this) {
            if (!closing) {
                mongo = server;
                return;
            }
        }
        server.close();
        throw stopping();
    }

    synchronized void attach(ServiceModule module, ServiceProcess service) {
        services.put(module, service);
    }

    KafkaBrokerProcess kafka() {
        return kafka;
    }

    MongoWireServer mongo() {
        return mongo;
    }

    synchronized ServiceProcess service(ServiceModule module) {
        return services.get(module);
    }

    void started(Duration took) {
        startupTime = took;
    }

    private void stopServices() {
        List<Map.Entry<ServiceModule, ServiceProcess>> reversed;
        synchronized (this) {
            reversed = new ArrayList<>(services.entrySet());
        }
        Collections.reverse(reversed);
        for (Map.Entry<ServiceModule, ServiceProcess> entry : reversed) {
            ServiceProcess service = entry.getValue();
            if (service.child().isAlive()) {
                long start = System.nanoTime();
                service.stop();
                Console.step(entry.getKey() + " stopped (exit code " + service.child().exitValue() + ", "
                        + Console.since(start) + ")");
            }
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook will find the stack closed
        }
    }

    private void awaitStoppedQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LocalStackException stopping() {
        return new LocalStackException("The stack is stopping");
    }
}
