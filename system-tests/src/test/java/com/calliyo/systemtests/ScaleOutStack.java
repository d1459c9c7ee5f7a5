package com.calliyo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.calliyo.localstack.LocalStackConfig;
import com.calliyo.localstack.ServiceModule;

/**
 * The configuration of a stack of its own for {@link ScaleOutIT}: in memory, several instances of each back-end
 * service and several brokers, on free ports. Instance i of a service (and broker i) listens on its first port +
 * i x 100, so each first port is picked with the ports above it free too.
 */
final class ScaleOutStack {

    private ScaleOutStack() {
    }

    static LocalStackConfig config(int replicas, int brokers) {
        Set<Integer> taken = new HashSet<>();
        LocalStackConfig.Builder config = LocalStackConfig.builder()
                .repoRoot(RepoRoot.find())
                .inMemory(true)
                // 15 JVMs start on a machine that may be busy: the single stack's 180 s per part is too tight.
                .startupTimeout(Duration.ofSeconds(Long.getLong("scaleout.startup-timeout-seconds", 360)))
                .replicas(replicas)
                .kafkaBrokers(brokers)
                .kafkaPort(freePorts(brokers, taken))
                .kafkaControllerPort(freePorts(brokers, taken))
                .mongoPort(freePorts(1, taken));
        for (ServiceModule module : ServiceModule.values()) {
            config.servicePort(module, freePorts(module.database().isPresent() ? replicas : 1, taken));
        }
        return config.build();
    }

    /**
     * A port that is free with the {@code count - 1} ports above it in steps of 100 (checked again before start),
     * none of them already in {@code taken}, which receives them. The ports are only probed, not held, so the
     * system may hand the same ephemeral port out twice: {@code taken} keeps two parts of the stack apart.
     */
    private static int freePorts(int count, Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = freePort();
            boolean allFree = first + (count - 1) * LocalStackConfig.INSTANCE_PORT_STEP <= 65535;
            for (int i = 0; allFree && i < count; i++) {
                int port = first + i * LocalStackConfig.INSTANCE_PORT_STEP;
                allFree = !taken.contains(port) && (i == 0 || isFree(port));
            }
            if (allFree) {
                for (int i = 0; i < count; i++) {
                    taken.add(first + i * LocalStackConfig.INSTANCE_PORT_STEP);
                }
                return first;
            }
        }
        throw new IllegalStateException("No free port with " + count + " free ports above it");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
