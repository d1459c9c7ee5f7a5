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

    /** SIGKILL to the (first) broker: no orderly shutdown, as in a crash. */
    public void killKafka() {
        killKafka(0);
    }

    /** SIGKILL to broker {@code broker} (from 0) of a several-broker stack. */
    public void killKafka(int broker) {
        KafkaBrokerProcess process = stack.kafka(broker);
        process.process().process().destroyForcibly();
        awaitExit(process.process());
        Console.step(KafkaCluster.name(broker) + " killed (fault)");
    }

    /** Starts the (first) broker again on its ports and log directory (its topics and offsets are kept). */
    public void restartKafka() {
        restartKafka(0);
    }

    /** Starts broker {@code broker} again on its ports and log directory, as a node of the same cluster. */
    public void restartKafka(int broker) {
        LocalStackConfig config = stack.config();
        Path libDir = KafkaLibraries.locate(config.repoRoot());
        KafkaBrokerProcess process = KafkaCluster.restart(stack.processes(), libDir, config, stack.directories(),
                broker);
        stack.attach(broker, process);
        Console.step(KafkaCluster.name(broker) + " restarted (fault, pid " + process.pid() + ")");
    }

    /** SIGKILL to one service (its first instance). */
    public void kill(ServiceModule module) {
        kill(module, 0);
    }

    /** SIGKILL to instance {@code instance} (from 0) of a service. */
    public void kill(ServiceModule module, int instance) {
        ChildProcess child = stack.service(module, instance).child();
        child.process().destroyForcibly();
        awaitExit(child);
        Console.step(module.instanceName(instance) + " killed (fault)");
    }

    /** Starts a killed service again with its launch of the first start, and waits until it is healthy. */
    public void restart(ServiceModule module) throws InterruptedException {
        restart(module, 0, Map.of());
    }

    /** Starts a killed instance again with its launch of the first start, and waits until it is healthy. */
    public void restart(ServiceModule module, int instance) throws InterruptedException {
        restart(module, instance, Map.of());
    }

    /** {@link #restart(ServiceModule, int, Map)} of the first instance. */
    public void restart(ServiceModule module, Map<String, String> extraEnvironment) throws InterruptedException {
        restart(module, 0, extraEnvironment);
    }

    /**
     * Starts a stopped instance again with its launch of the first start plus {@code extraEnvironment} (e.g. a
     * test-only fault hook such as lead-service's {@code CALLIYO_FAULTS_HALT_AT}), and waits until it is healthy.
     * Variables named {@value #FAULT_VARIABLE_PREFIX}* of the previous launch are dropped first, so a plain
     * {@link #restart(ServiceModule)} afterwards starts the service without them.
     */
    public void restart(ServiceModule module, int instance, Map<String, String> extraEnvironment)
            throws InterruptedException {
        ServiceProcess previous = stack.service(module, instance);
        if (previous.child().isAlive()) {
            throw new IllegalStateException(module.instanceName(instance) + " is still running");
        }
        ServiceLaunch launch = previous.launch();
        Map<String, String> environment = new LinkedHashMap<>(launch.environment());
        environment.keySet().removeIf(key -> key.startsWith(FAULT_VARIABLE_PREFIX));
        environment.putAll(extraEnvironment);
        ServiceProcess service = ServiceProcess.restart(stack.processes(), new ServiceLaunch(launch.name(),
                launch.command(), environment, launch.logFile(), launch.port(), launch.classData()));
        stack.attach(module, instance, service);
        service.awaitHealthy(stack.config().startupTimeout(), new HealthProbe());
        Console.step(module.instanceName(instance) + " restarted (fault, pid " + service.child().pid() + ")"
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
