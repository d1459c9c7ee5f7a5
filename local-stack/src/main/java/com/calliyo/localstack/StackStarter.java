package com.calliyo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a stack in the documented order (port check, Kafka broker, MongoDB-wire server, services) and stops what it
 * started if any step fails. At most {@code parallelStarts} services start at the same time, in module order.
 */
final class StackStarter {

    private final LocalStackConfig config;
    private final Map<String, String> environment;

    StackStarter(LocalStackConfig config, Map<String, String> environment) {
        this.config = config;
        this.environment = environment;
    }

    /** Starts everything or nothing; a failure is printed (before the stop messages) and thrown. */
    RunningStack start() {
        long begin = System.nanoTime();
        Console.step("Starting the Calliyo stack from " + config.repoRoot());
        StackDirectories dirs;
        Path libDir;
        Map<String, String> serviceEnvironment;
        try {
            PortCheck.requireFree(config.ports());
            requireServiceJars();
            libDir = KafkaLibraries.locate(config.repoRoot());
            dirs = StackDirectories.create(config);
            serviceEnvironment = StackSecrets.resolve(environment, dirs.root());
        } catch (LocalStackException e) {
            Console.error(e.getMessage());
            throw e;
        }
        Console.step("Ports free, jars found (" + Console.since(begin) + "); "
                + (config.inMemory() ? "in memory, logs in " : "data in ") + Console.shortPath(dirs.root()));
        RunningStack stack = new RunningStack(config, dirs, serviceEnvironment);
        try {
            startKafka(stack, libDir);
            startMongo(stack);
            startServices(stack, serviceEnvironment);
            stack.started(Duration.ofNanos(System.nanoTime() - begin));
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LocalStackException failure = stack.isClosing()
                    ? new LocalStackException("Stopped before the stack was up", e)
                    : e instanceof LocalStackException known ? known
                    : new LocalStackException("Could not start the stack: " + e, e);
            Console.error(failure.getMessage());
            Console.step("Stopping what was started");
            stack.close();
            throw failure;
        }
    }

    private void requireServiceJars() {
        List<ServiceModule> missing = List.of(ServiceModule.values()).stream()
                .filter(module -> !Files.isRegularFile(module.jar(config.repoRoot())))
                .toList();
        if (!missing.isEmpty()) {
            String modules = String.join(",", missing.stream().map(ServiceModule::moduleName).toList());
            String jars = String.join(", ", missing.stream()
                    .map(module -> config.repoRoot().relativize(module.jar(config.repoRoot())).toString()).toList());
            throw new LocalStackException("Not built yet: " + jars + " (in " + config.repoRoot() + ")."
                    + " Build with: ./mvnw -B -DskipTests -pl " + modules + " -am package"
                    + " (or use scripts/run-local.sh, which builds first)");
        }
    }

    private void startKafka(RunningStack stack, Path libDir) {
        long start = System.nanoTime();
        StackDirectories dirs = stack.directories();
        Path log = dirs.logDir().resolve("kafka.log");
        Console.step((config.kafkaBrokers() == 1 ? "Kafka broker starting on " : config.kafkaBrokers()
                + " Kafka brokers (one KRaft quorum) starting on ") + config.kafkaBootstrapServers() + " (log "
                + Console.shortPath(log) + (config.kafkaBrokers() == 1 ? "" : ", kafka-<i>.log") + ")");
        List<KafkaBrokerProcess> brokers = KafkaCluster.start(stack.processes(), libDir, config, dirs);
        for (int i = 0; i < brokers.size(); i++) {
            KafkaBrokerProcess broker = brokers.get(i);
            stack.attach(i, broker);
            warnOnUnexpectedExit(stack, broker.process());
            Console.step(KafkaCluster.name(i) + " ready (pid " + broker.pid() + ", "
                    + (broker.formatted() ? "fresh storage" : "existing data") + ", " + Console.since(start) + ")");
        }
    }

    private void startMongo(RunningStack stack) {
        long start = System.nanoTime();
        MongoWireServer mongo = MongoWireServer.start(config.mongoPort(), stack.directories().mongoFile());
        stack.attach(mongo);
        Console.step("MongoDB-wire server ready on " + config.mongoAddress() + " (" + mongo.storage() + ", "
                + Console.since(start) + ")");
    }

    private final Map<ServiceModule, Object> classDataLocks = new ConcurrentHashMap<>();

    private void startServices(RunningStack stack, Map<String, String> serviceEnvironment)
            throws InterruptedException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(config.parallelStarts(), task -> {
            Thread thread = new Thread(task, "service-start-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<ServiceModule> starts = new ExecutorCompletionService<>(pool);
        HealthProbe probe = new HealthProbe();
        List<Instance> instances = new ArrayList<>();
        for (ServiceModule module : ServiceModule.values()) {
            for (int i = 0; i < config.instances(module); i++) {
                instances.add(new Instance(module, i));
            }
        }
        CountDownLatch[] launched = new CountDownLatch[instances.size()];
        for (int i = 0; i < instances.size(); i++) {
            launched[i] = new CountDownLatch(1);
        }
        try {
            for (int i = 0; i < instances.size(); i++) {
                Instance instance = instances.get(i);
                CountDownLatch previous = i == 0 ? null : launched[i - 1];
                CountDownLatch own = launched[i];
                starts.submit(() -> startService(stack, instance, serviceEnvironment, probe, previous, own));
            }
            for (int i = 0; i < instances.size(); i++) {
                try {
                    starts.take().get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException failure ? failure
                            : new LocalStackException("Could not start a service: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One instance of a service: the module and its number (from 0). */
    private record Instance(ServiceModule module, int index) {
    }

    /** Launches strictly in module order (after {@code previous} was launched), then waits for health. */
    private ServiceModule startService(RunningStack stack, Instance instance,
                                       Map<String, String> serviceEnvironment, HealthProbe probe,
                                       CountDownLatch previous, CountDownLatch launched) throws InterruptedException {
        ServiceProcess service;
        ServiceModule module = instance.module();
        ServiceLaunch launch;
        try {
            // before the turn in the launch order: a training run is a start's worth of work, so it takes one of
            // the parallel starts' slots like the start it speeds up. One instance of a module at a time: they share
            // the extracted jar and the archive, which the first one makes and the others then find ready.
            synchronized (classDataLocks.computeIfAbsent(module, m -> new Object())) {
                launch = ServiceLaunch.of(module, instance.index(), config, stack.directories().logDir(),
                        serviceEnvironment);
                launch = ClassDataTraining.trainIfNeeded(stack.processes(), launch, config.startupTimeout());
            }
            if (previous != null) {
                previous.await();
            }
            service = ServiceProcess.start(stack.processes(), launch);
            stack.attach(module, instance.index(), service);
            Console.step(launch.name() + " starting (pid " + service.child().pid() + ", log "
                    + Console.shortPath(launch.logFile()) + ")");
        } finally {
            launched.countDown();
        }
        long start = System.nanoTime();
        service.awaitHealthy(config.startupTimeout(), probe);
        warnOnUnexpectedExit(stack, service.child());
        Console.step(launch.name() + " healthy on " + launch.url() + " (" + Console.since(start) + ")");
        return module;
    }

    private static void warnOnUnexpectedExit(RunningStack stack, ChildProcess child) {
        child.process().onExit().thenAccept(process -> {
            if (!stack.isClosing()) {
                Console.error(child.name() + " stopped unexpectedly (exit code " + process.exitValue() + "); see "
                        + Console.shortPath(child.logFile()));
            }
        });
    }
}
