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
        ServiceProcess previous = stack.service(module);
        if (previous.child().isAlive()) {
            throw new IllegalStateException(module + " is still running");
        }
        ServiceProcess service = ServiceProcess.restart(stack.processes(), previous.launch());
        stack.attach(module, service);
        service.awaitHealthy(stack.config().startupTimeout(), new HealthProbe());
        Console.step(module + " restarted (fault, pid " + service.child().pid() + ")");
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
