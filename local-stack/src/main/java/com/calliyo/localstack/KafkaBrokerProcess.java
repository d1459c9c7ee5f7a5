package com.calliyo.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in its own JVM, run from the Kafka jars in {@code libDir}. Its directory holds the
 * generated {@code server.properties}, the logback configuration and, under {@code data/}, Kafka's log. The storage is
 * formatted only when it has no {@code meta.properties} yet, so a second start on the same directory keeps its topics.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOGBACK_RESOURCE = "kafka-logback.xml";

    private final ChildProcess process;
    private final int brokerPort;
    private final boolean formatted;

    private KafkaBrokerProcess(ChildProcess process, int brokerPort, boolean formatted) {
        this.process = process;
        this.brokerPort = brokerPort;
        this.formatted = formatted;
    }

    /**
     * Formats the storage if needed, starts the broker and returns once it answers a {@code describeCluster}; on
     * failure the broker is stopped and the exception carries the end of its log.
     */
    static KafkaBrokerProcess start(ProcessGroup group, Path libDir, Path kafkaDir, Path logFile,
                                    int brokerPort, int controllerPort, Duration timeout) {
        Path dataDir = kafkaDir.resolve("data");
        KafkaBrokerProcess broker = launch(group, "Kafka broker", libDir, kafkaDir, logFile, brokerPort,
                BrokerProperties.render(brokerPort, controllerPort, dataDir), Uuid.randomUuid().toString());
        broker.awaitReadyOrStop(timeout);
        return broker;
    }

    /**
     * Formats the storage if needed (with {@code clusterId}, which every node of one cluster shares) and starts the
     * broker without waiting: a node of a several-voter quorum cannot answer before a majority of them runs.
     */
    static KafkaBrokerProcess launch(ProcessGroup group, String name, Path libDir, Path kafkaDir, Path logFile,
                                     int brokerPort, String serverProperties, String clusterId) {
        Path dataDir = kafkaDir.resolve("data");
        Path properties = kafkaDir.resolve("server.properties");
        Path logback = kafkaDir.resolve("logback.xml");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(properties, serverProperties);
            writeLogbackConfig(logback);
            Files.writeString(logFile, "");
        } catch (IOException e) {
            throw new LocalStackException("Could not prepare the Kafka directory " + kafkaDir + ": " + e.getMessage(), e);
        }
        boolean format = !Files.exists(dataDir.resolve("meta.properties"));
        if (format) {
            formatStorage(group, libDir, properties, logback, logFile, clusterId);
        }
        List<String> command = javaCommand(libDir, logback);
        command.add("kafka.Kafka");
        command.add(properties.toString());
        ChildProcess child = group.start(name, command, ServiceLaunch.NATIVE_MEMORY_ENVIRONMENT, logFile);
        return new KafkaBrokerProcess(child, brokerPort, format);
    }

    /** Waits until the broker answers a {@code describeCluster}; stops it and throws if it does not in time. */
    void awaitReadyOrStop(Duration timeout) {
        try {
            awaitReady(timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Whether this start formatted fresh storage (false: it reused what an earlier start left). */
    boolean formatted() {
        return formatted;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.stop(STOP_GRACE);
        }
    }

    private static void formatStorage(ProcessGroup group, Path libDir, Path properties, Path logback, Path logFile,
                                      String clusterId) {
        List<String> command = javaCommand(libDir, logback);
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", properties.toString()));
        ChildProcess tool = group.start("Kafka storage format", command, Map.of(), logFile);
        try {
            if (!tool.waitFor(FORMAT_TIMEOUT)) {
                tool.stop(Duration.ofSeconds(5));
                throw new LocalStackException("Formatting the Kafka storage took longer than "
                        + FORMAT_TIMEOUT.toSeconds() + " s. " + LogTail.describe(logFile));
            }
        } catch (InterruptedException e) {
            tool.stop(Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while formatting the Kafka storage", e);
        }
        if (tool.exitValue() != 0) {
            throw new LocalStackException("Formatting the Kafka storage failed (exit code " + tool.exitValue() + "). "
                    + LogTail.describe(logFile));
        }
    }

    private static List<String> javaCommand(Path libDir, Path logback) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(ChildProcess.BROKER_JVM_FLAGS);
        command.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
        command.add("-cp");
        command.add(libDir.toAbsolutePath().resolve("*").toString());
        return command;
    }

    private static void writeLogbackConfig(Path target) throws IOException {
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream(LOGBACK_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + LOGBACK_RESOURCE);
            }
            Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!acceptsConnections()) {
            checkRunning(deadline, timeout);
            pause();
        }
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                checkRunning(deadline, timeout);
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LocalStackException("Interrupted while waiting for the Kafka broker", e);
                }
            }
        }
    }

    private void checkRunning(long deadline, Duration timeout) {
        if (!process.isAlive()) {
            throw new LocalStackException(process.name() + " exited with code " + process.exitValue()
                    + " before it was ready. " + LogTail.describe(process.logFile()));
        }
        if (System.nanoTime() > deadline) {
            throw new LocalStackException(process.name() + " was not ready within " + timeout.toSeconds() + " s. "
                    + LogTail.describe(process.logFile()));
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", brokerPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
