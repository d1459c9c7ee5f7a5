package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Faults a test can inflict on a started stack and undo: the MongoDB-wire server taken off the network and back
 * (with its data), the broker or a service killed with SIGKILL and started again on the same ports and data. Each
 * restart returns once the part answers again (the broker a {@code describeCluster}, a service UP on its health
 * endpoint). SIGSTOP/SIGCONT need no support here: {@link RunningStack#processIds()} gives the pids.
 */
public final class StackFaults {

    /** Environment variables that switch on a service's test-only fault hooks. */
    public static final String FAULT_VARIABLE_PREFIX = "CALLIYO_FAULTS_";

    private final RunningStack stack;

    StackFaults(RunningStack stack) {
        this.stack = stack;
    }

    /** Closes the MongoDB-wire server's port and every open connection; the data is kept. */
    public void stopMongo() {
        stack.mongo().stop();
        Console.step("MongoDB-wire server stopped (fault)");
    }

    /** Listens again on the same port with the same data. */
    public void restartMongo() {
        stack.mongo().restart();
        Console.step("MongoDB-wire server listening again (fault)");
    }

    /** SIGKILL to the broker: no orderly shutdown, as in a crash. */
    public void killKafka() {
        KafkaBrokerProcess broker = stack.kafka();
        broker.process().process().destroyForcibly();
        awaitExit(broker.process());
        Console.step("Kafka broker killed (fault)");
    }

    /** Starts the broker again on its ports and log directory (its topics and offsets are kept). */
    public void restartKafka() {
        LocalStackConfig config = stack.config();
        StackDirectories dirs = stack.directories();
        Path libDir = KafkaLibraries.locate(config.repoRoot());
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(stack.processes(), libDir, dirs.kafkaDir(),
                dirs.logDir().resolve("kafka.log"), config.kafkaPort(), config.kafkaControllerPort(),
                config.startupTimeout());
        stack.attach(broker);
        Console.step("Kafka broker restarted (fault, pid " + broker.pid() + ")");
    }

    /** SIGKILL to one service. */
    public void kill(ServiceModule module) {
        ChildProcess child = stack.service(module).child();
        child.process().destroyForcibly();
        awaitExit(child);
        Console.step(module + " killed (fault)");
    }

    /** Starts a killed service again with its launch of the first start, and waits until it is healthy. */
    public void restart(ServiceModule module) throws InterruptedException {
        restart(module, Map.of());
    }

    /**
     * Starts a stopped service again with its launch of the first start plus {@code extraEnvironment} (e.g. a
     * test-only fault hook such as lead-service's {@code CALLIYO_FAULTS_HALT_AT}), and waits until it is healthy.
     * Variables named {@value #FAULT_VARIABLE_PREFIX}* of the previous launch are dropped first, so a plain
     * {@link #restart(ServiceModule)} afterwards starts the service without them.
     */
    public void restart(ServiceModule module, Map<String, String> extraEnvironment) throws InterruptedException {
        ServiceProcess previous = stack.service(module);
        if (previous.child().isAlive()) {
            throw new IllegalStateException(module + " is still running");
        }
        ServiceLaunch launch = previous.launch();
        Map<String, String> environment = new LinkedHashMap<>(launch.environment());
        environment.keySet().removeIf(key -> key.startsWith(FAULT_VARIABLE_PREFIX));
        environment.putAll(extraEnvironment);
        ServiceProcess service = ServiceProcess.restart(stack.processes(), new ServiceLaunch(launch.name(),
                launch.command(), environment, launch.logFile(), launch.port()));
        stack.attach(module, service);
        service.awaitHealthy(stack.config().startupTimeout(), new HealthProbe());
        Console.step(module + " restarted (fault, pid " + service.child().pid() + ")"
                + (extraEnvironment.isEmpty() ? "" : " with " + extraEnvironment));
    }

    /**
     * SIGTERM to one service and waits (at most {@code limit}) for it to exit: an orderly stop, so its Kafka
     * consumers leave their groups at once (a group can then be reset while the service is down).
     */
    public void stop(ServiceModule module, Duration limit) {
        ChildProcess child = stack.service(module).child();
        child.process().destroy();
        if (!awaitExit(module, limit)) {
            throw new LocalStackException(module + " did not stop within " + limit);
        }
        Console.step(module + " stopped (fault)");
    }

    /** Waits (at most {@code limit}) for a service to exit on its own, e.g. halted by a fault hook; true if it did. */
    public boolean awaitExit(ServiceModule module, Duration limit) {
        try {
            return stack.service(module).child().process().waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for " + module + " to exit", e);
        }
    }

    private static void awaitExit(ChildProcess child) {
        try {
            child.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for " + child.name() + " to exit", e);
        }
    }
}
