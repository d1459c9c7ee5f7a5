package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two closers at once, as at JVM exit: the test suite's own hook and the stack's hook both call {@code close()}. The
 * second must wait without holding what the first still needs, or the brokers are never stopped and outlive the JVM.
 */
class RunningStackCloseTest {

    @TempDir
    Path logDir;

    @Test
    void shouldFinishBothClosersWhenASecondArrivesWhileTheFirstIsStoppingServices() throws Exception {
        LocalStackConfig config = LocalStackConfig.builder().inMemory(true).build();
        RunningStack stack = new RunningStack(config, StackDirectories.create(config), Map.of());
        ServiceProcess service = ServiceProcess.start(stack.processes(), slowStoppingStub());
        stack.attach(ServiceModule.LEAD_SERVICE, service);
        service.awaitHealthy(Duration.ofSeconds(60), new HealthProbe());

        Thread first = new Thread(stack::close, "first-closer");
        first.setDaemon(true);
        first.start();
        awaitLogLine(service.launch().logFile(), "stub stopping");
        Thread second = new Thread(stack::close, "second-closer");
        second.setDaemon(true);
        second.start();

        // A deadlock shows as both still waiting long after the stub's 2 s stop.
        first.join(TimeUnit.SECONDS.toMillis(30));
        second.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(first.isAlive()).as("first closer finished").isFalse();
        assertThat(second.isAlive()).as("second closer finished").isFalse();
        assertThat(service.child().isAlive()).isFalse();
    }

    private static void awaitLogLine(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(log) && Files.readString(log).contains(line))) {
            assertThat(System.nanoTime()).as("\"" + line + "\" in " + log).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private ServiceLaunch slowStoppingStub() throws URISyntaxException {
        int port = FreePorts.take(1)[0];
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(ChildProcess.SERVICE_JVM_FLAGS);
        command.addAll(List.of("-cp",
                Path.of(StubService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                StubService.class.getName()));
        return new ServiceLaunch("stub", command, Map.of("SERVER_PORT", Integer.toString(port),
                "STUB_MODE", "slow-stop"), logDir.resolve("stub.log"), port);
    }
}
