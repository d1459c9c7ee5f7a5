package com.calliyo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Optional;

import com.calliyo.localstack.LocalStack;
import com.calliyo.localstack.LocalStackConfig;
import com.calliyo.localstack.RunningStack;
import com.calliyo.localstack.ServiceModule;
import com.calliyo.localstack.Telemetry;
import com.calliyo.localstack.StackFaults;

/**
 * The suite under test, once per test JVM: the local stack started in memory on free ports (so a developer's running
 * stack is never touched), or, with {@code -Dcalliyo.gateway.url} and {@code -Dcalliyo.kafka.bootstrap}, a stack
 * that is already running (plus {@code -Dcalliyo.mongo.uri} for the security matrix).
 */
final class Suite {

    /** The consumer groups whose progress the tests wait for. */
    static final String[] CONSUMER_GROUPS = {"customer-service", "reporting-service", "order-service"};

    private static Suite shared;

    private final Gateway gateway;
    private final LeadEventsTap tap;
    private final KafkaProbe kafka;
    private final String leadsMongoUri;
    private final RunningStack stack;
    private final OtlpReceiver traces;

    private Suite(String gatewayUrl, String kafkaBootstrapServers, String leadsMongoUri, RunningStack stack,
                  OtlpReceiver traces) {
        this.gateway = new Gateway(gatewayUrl);
        this.tap = new LeadEventsTap(kafkaBootstrapServers);
        this.kafka = new KafkaProbe(kafkaBootstrapServers);
        this.leadsMongoUri = leadsMongoUri;
        this.stack = stack;
        this.traces = traces;
    }

    static synchronized Suite shared() {
        if (shared == null) {
            String gatewayUrl = System.getProperty("calliyo.gateway.url");
            shared = gatewayUrl == null ? startLocalStack()
                    : new Suite(gatewayUrl, System.getProperty("calliyo.kafka.bootstrap", "127.0.0.1:9092"),
                            System.getProperty("calliyo.mongo.uri"), null, null);
        }
        return shared;
    }

    Gateway gateway() {
        return gateway;
    }

    LeadEventsTap tap() {
        return tap;
    }

    /** Plain Kafka clients on any topic of the suite's broker (raw records, dead letters, group offsets). */
    KafkaProbe kafka() {
        return kafka;
    }

    /**
     * The key lead-service encrypts its signing keys with (to read its current key, as {@link TokenForge} does):
     * the started stack's, or {@code -Dcalliyo.key-encryption-key} / {@code CALLIYO_KEY_ENCRYPTION_KEY} for a stack
     * already running.
     */
    String keyEncryptionKey() {
        return stack != null ? stack.keyEncryptionKey()
                : System.getProperty("calliyo.key-encryption-key", System.getenv("CALLIYO_KEY_ENCRYPTION_KEY"));
    }

    /**
     * The password of user {@code operator} of lead-service's {@code /actuator/signingkeys}: the started stack's, or
     * {@code -Dcalliyo.operator-password} / {@code CALLIYO_OPERATOR_PASSWORD}.
     */
    Optional<String> operatorPassword() {
        return Optional.ofNullable(stack != null ? stack.operatorPassword()
                : System.getProperty("calliyo.operator-password", System.getenv("CALLIYO_OPERATOR_PASSWORD")));
    }

    /** lead-service's database (for its signing key); {@code -Dcalliyo.mongo.uri} for a stack already running. */
    String leadsMongoUri() {
        if (leadsMongoUri == null) {
            throw new IllegalStateException("Set -Dcalliyo.mongo.uri=mongodb://host:port/leads for a running stack");
        }
        return leadsMongoUri;
    }

    /**
     * The spans every service of the started stack exported (OTLP/HTTP, to a receiver this JVM runs); empty for a
     * stack that was already running, whose traces go wherever it was told.
     */
    Optional<OtlpReceiver> traces() {
        return Optional.ofNullable(traces);
    }

    /** Where the started stack's services write their logs; empty for a stack that was already running. */
    Optional<RunningStack> stack() {
        return Optional.ofNullable(stack);
    }

    /**
     * A service's own front door, bypassing the gateway (to show that the service itself refuses a request); empty
     * for a stack that was already running, whose service ports the tests do not know.
     */
    Optional<Gateway> direct(ServiceModule module) {
        return Optional.ofNullable(stack).map(running -> new Gateway(running.serviceUrl(module)));
    }

    /** Faults to inflict on the started stack and undo; empty for a stack that was already running. */
    Optional<StackFaults> faults() {
        return Optional.ofNullable(stack).map(RunningStack::faults);
    }

    /**
     * Freezes a service of the started stack (SIGSTOP) until the answer is closed (SIGCONT): it keeps its sockets
     * but answers nothing, as a process stuck in a long pause does. Empty for a stack that was already running.
     */
    Optional<AutoCloseable> freeze(ServiceModule module) {
        if (stack == null) {
            return Optional.empty();
        }
        long pid = stack.processIds().get(module.moduleName());
        signal("STOP", pid);
        return Optional.of(() -> signal("CONT", pid));
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Suite startLocalStack() {
        OtlpReceiver traces = OtlpReceiver.start();
        LocalStackConfig.Builder config = LocalStackConfig.builder()
                .telemetry(new Telemetry(traces.tracesEndpoint(), false))
                .repoRoot(RepoRoot.find())
                .inMemory(true)
                .kafkaPort(freePort())
                .kafkaControllerPort(freePort())
                .mongoPort(freePort());
        for (ServiceModule module : ServiceModule.values()) {
            config.servicePort(module, freePort());
        }
        RunningStack stack = LocalStack.start(config.build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            traces.close();
        }, "system-tests-stack-stop"));
        return new Suite(stack.gatewayUrl(), stack.kafkaBootstrapServers(), stack.mongoUri("leads"), stack, traces);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
