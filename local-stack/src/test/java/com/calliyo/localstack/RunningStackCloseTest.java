package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a stack stops what a fault started again: {@link StubService} JVMs stand in for the services (no broker, so
 * no Kafka here; a replaced broker is bookkept the same way, {@code attach(index, broker)}).
 */
class RunningStackCloseTest {

    /** Far above a stub's stop (2 s); only a stop that never ends reaches it. */
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path repoRoot;

    private RunningStack stack;

    @AfterEach
    void killWhatIsLeft() {
        if (stack != null) {
            stack.processes().killRemaining();
            stack.directories().deleteIfTemporary();
        }
    }

    /**
     * The failsafe JVM's exit ran the stack's own shutdown hook and the suite's hook together: the second close()
     * waited for the first while holding the stack's lock, which the first needed to read its broker list, so neither
     * went on, the JVM was halted after 30 s and the broker, a replacement after the broker fault, kept running.
     */
    @Test
    void shouldStopTheRestartedInstanceWhenTwoCallersCloseAtOnce() throws Exception {
        LocalStackConfig config = FreePorts.config().repoRoot(repoRoot).inMemory(true).build();
        stack = new RunningStack(config, StackDirectories.create(config), Map.of());
        ServiceLaunch launch = stub(config.servicePort(ServiceModule.LEAD_SERVICE));
        ServiceProcess first = ServiceProcess.start(stack.processes(), launch);
        first.awaitHealthy(Duration.ofSeconds(60), new HealthProbe());
        stack.attach(ServiceModule.LEAD_SERVICE, first);

        stack.faults().kill(ServiceModule.LEAD_SERVICE);
        stack.faults().restart(ServiceModule.LEAD_SERVICE);
        ProcessHandle replacement = ProcessHandle.of(stack.processIds().get("lead-service")).orElseThrow();
        assertThat(replacement.pid()).isNotEqualTo(first.child().pid());

        Thread owner = closeOn("owner-close");
        // the owner is inside its orderly stop of the service (2 s) when the second caller arrives
        await().atMost(CLOSE_LIMIT).until(() -> LogTail.lastLines(launch.logFile(), 5).contains("stub stopping"));
        Thread hook = closeOn("hook-close");
        owner.join(CLOSE_LIMIT.toMillis());
        hook.join(CLOSE_LIMIT.toMillis());

        assertThat(owner.isAlive()).as("the owner's close() returned").isFalse();
        assertThat(hook.isAlive()).as("the second close() returned").isFalse();
        assertThat(replacement.isAlive()).as("the restarted instance").isFalse();
        assertThat(first.child().isAlive()).isFalse();
        assertThat(stack.dataDir()).as("the in-memory stack's temporary directory").doesNotExist();
    }

    private Thread closeOn(String name) {
        Thread thread = new Thread(stack::close, name);
        thread.setDaemon(true); // a deadlocked close() must not keep the test JVM alive
        thread.start();
        return thread;
    }

    private ServiceLaunch stub(int port) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(ChildProcess.SERVICE_JVM_FLAGS);
        command.addAll(List.of("-cp", testClasses(), StubService.class.getName()));
        return new ServiceLaunch("lead-service", command, Map.of("SERVER_PORT", Integer.toString(port),
                "STUB_STOP_MILLIS", "2000"), stack.logDir().resolve("lead-service.log"), port);
    }

    private static String testClasses() {
        try {
            return Path.of(StubService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
