package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link StubService} as a child JVM in place of a real service. */
class ServiceProcessTest {

    @TempDir
    Path logDir;

    private final ProcessGroup group = new ProcessGroup();
    private final HealthProbe probe = new HealthProbe();

    @AfterEach
    void stopChildren() {
        group.killRemaining();
    }

    @Test
    void shouldWaitUntilTheServiceIsHealthyAndStopItWithSigterm() throws Exception {
        ServiceProcess service = ServiceProcess.start(group, stub("healthy"));

        service.awaitHealthy(Duration.ofSeconds(60), probe);
        assertThat(probe.isUp(service.launch().port())).isTrue();
        service.stop();

        assertThat(service.child().isAlive()).isFalse();
        assertThat(service.child().exitValue()).isEqualTo(143);
        assertThat(LogTail.lastLines(service.launch().logFile(), 5)).contains("stub healthy", "stub stopping");
    }

    @Test
    void shouldReportAnEarlyExitWithTheLastFortyLinesOfTheLog() {
        ServiceProcess service = ServiceProcess.start(group, stub("crash"));

        assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(60), probe))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("stub exited with code 3 before it was healthy")
                .hasMessageContaining("crash line 11")
                .hasMessageContaining("crash line 50")
                .hasMessageNotContaining("crash line 10" + System.lineSeparator());
    }

    @Test
    void shouldGiveUpOnAServiceThatNeverBecomesHealthy() {
        ServiceProcess service = ServiceProcess.start(group, stub("silent"));

        assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(1), probe))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("did not report healthy on " + service.launch().url()
                        + "/actuator/health within 1 s")
                .hasMessageContaining("stub starting in mode silent");
        assertThat(service.child().isAlive()).isTrue();
    }

    @Test
    void shouldKillWhatIsLeftAndRefuseNewChildrenOnceClosed() {
        ServiceProcess service = ServiceProcess.start(group, stub("silent"));

        group.killRemaining();

        assertThat(service.child().isAlive()).isFalse();
        assertThatThrownBy(() -> ServiceProcess.start(group, stub("healthy")))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("stopping");
    }

    private ServiceLaunch stub(String mode) {
        int port = FreePorts.take(1)[0];
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(ChildProcess.SERVICE_JVM_FLAGS);
        command.addAll(List.of("-cp", testClasses(), StubService.class.getName()));
        return new ServiceLaunch("stub", command, Map.of("SERVER_PORT", Integer.toString(port), "STUB_MODE", mode),
                logDir.resolve("stub-" + mode + ".log"), port);
    }

    private static String testClasses() {
        try {
            return Path.of(StubService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
