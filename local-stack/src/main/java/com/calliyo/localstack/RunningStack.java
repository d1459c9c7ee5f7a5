package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
    /** Every instance by its name ({@link ServiceModule#instanceName(int)}), in start order. */
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread shutdownHook;
    private final List<KafkaBrokerProcess> brokers = new ArrayList<>();
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
        return logFile(module, 0);
    }

    /** The log of instance {@code instance} (from 0): {@code <module>.log}, then {@code <module>-<i>.log}. */
    public Path logFile(ServiceModule module, int instance) {
        return directories.logDir().resolve(module.instanceName(instance) + ".log");
    }

    /** The URL of instance {@code instance} (from 0) of {@code module}, bypassing the gateway. */
    public String serviceUrl(ServiceModule module, int instance) {
        return config.serviceUrl(module, instance);
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

    /**
     * Process ids of the child JVMs ("kafka", "kafka-1"... and the instance names: "lead-service",
     * "lead-service-1"...), e.g. for measuring memory.
     */
    public synchronized Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < brokers.size(); i++) {
            pids.put(i == 0 ? "kafka" : "kafka-" + i, brokers.get(i).pid());
        }
        services.forEach((name, service) -> pids.put(name, service.child().pid()));
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

    /**
     * Stops everything this stack runs now, a broker or service instance that a fault started again included. A
     * second caller (e.g. the shutdown hook while the owner's {@code close()} runs) waits until the first is done,
     * and waits outside the stack's lock: the first needs that lock on its way (the broker list), so waiting inside
     * it would deadlock both, and the JVM's exit would then leave the broker running.
     */
    @Override
    public void close() {
        boolean alreadyClosing;
        synchronized (this) {
            alreadyClosing = closing;
            closing = true;
        }
        if (alreadyClosing) {
            awaitStoppedQuietly();
            return;
        }
        processes.close();
        try {
            stopServices();
            List<KafkaBrokerProcess> running;
            synchronized (this) {
                running = new ArrayList<>(brokers);
            }
            for (KafkaBrokerProcess broker : running) {
                if (broker.isAlive()) {
                    long start = System.nanoTime();
                    broker.close();
                    Console.step(broker.process().name() + " stopped (" + Console.since(start) + ")");
                }
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
        attach(0, broker);
    }

    /** Broker {@code index} (from 0), started or started again. */
    void attach(int index, KafkaBrokerProcess broker) {
        synchronized (this) {
            if (!closing) {
                if (index < brokers.size()) {
                    brokers.set(index, broker);
                } else {
                    brokers.add(broker);
                }
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
        attach(module, 0, service);
    }

    synchronized void attach(ServiceModule module, int instance, ServiceProcess service) {
        services.put(module.instanceName(instance), service);
    }

    synchronized KafkaBrokerProcess kafka() {
        return kafka(0);
    }

    synchronized KafkaBrokerProcess kafka(int index) {
        return brokers.get(index);
    }

    MongoWireServer mongo() {
        return mongo;
    }

    synchronized ServiceProcess service(ServiceModule module) {
        return service(module, 0);
    }

    synchronized ServiceProcess service(ServiceModule module, int instance) {
        ServiceProcess service = services.get(module.instanceName(instance));
        if (service == null) {
            throw new IllegalArgumentException(module + " has no instance " + instance + " in this stack");
        }
        return service;
    }

    void started(Duration took) {
        startupTime = took;
    }

    private void stopServices() {
        List<Map.Entry<String, ServiceProcess>> reversed;
        synchronized (this) {
            reversed = new ArrayList<>(services.entrySet());
        }
        Collections.reverse(reversed);
        for (Map.Entry<String, ServiceProcess> entry : reversed) {
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
