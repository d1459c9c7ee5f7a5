package com.calliyo.localstack;

import java.nio.file.Path;

/**
 * Faults a test can inflict on a started stack and undo: the MongoDB-wire server taken off the network and back
 * (with its data), the broker or a service killed with SIGKILL and started again on the same ports and data. Each
 * restart returns once the part answers again (the broker a {@code describeCluster}, a service UP on its health
 * endpoint). SIGSTOP/SIGCONT need no support here: {@link RunningStack#processIds()} gives the pids.
 */
public final class StackFaults {

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
        restart(module, 0);
    }

    /** Starts a killed instance again with its launch of the first start, and waits until it is healthy. */
    public void restart(ServiceModule module, int instance) throws InterruptedException {
        ServiceProcess previous = stack.service(module, instance);
        if (previous.child().isAlive()) {
            throw new IllegalStateException(module.instanceName(instance) + " is still running");
        }
        ServiceProcess service = ServiceProcess.restart(stack.processes(), previous.launch());
        stack.attach(module, instance, service);
        service.awaitHealthy(stack.config().startupTimeout(), new HealthProbe());
        Console.step(module.instanceName(instance) + " restarted (fault, pid " + service.child().pid() + ")");
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
