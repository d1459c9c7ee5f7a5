package com.calliyo.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/** One running service: its child JVM and the wait for its health endpoint. */
final class ServiceProcess {

    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 250;

    private final ServiceLaunch launch;
    private final ChildProcess child;

    private ServiceProcess(ServiceLaunch launch, ChildProcess child) {
        this.launch = launch;
        this.child = child;
    }

    static ServiceProcess start(ProcessGroup group, ServiceLaunch launch) {
        try {
            Files.deleteIfExists(launch.logFile());
        } catch (IOException e) {
            throw new LocalStackException("Could not reset " + launch.logFile() + ": " + e.getMessage(), e);
        }
        return new ServiceProcess(launch, group.start(launch.name(), launch.command(), launch.environment(),
                launch.logFile()));
    }

    /** Starts the service again after it was killed, appending to its log, so that the log tells both lives. */
    static ServiceProcess restart(ProcessGroup group, ServiceLaunch launch) {
        return new ServiceProcess(launch, group.start(launch.name(), launch.command(), launch.environment(),
                launch.logFile()));
    }

    /** Returns once the service reports UP; throws, with the end of its log, if it exits or takes too long. */
    void awaitHealthy(Duration timeout, HealthProbe probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean up = probe.isUp(launch.port());
            if (!child.isAlive()) {
                throw new LocalStackException(launch.name() + " exited with code " + child.exitValue()
                        + " before it was healthy. " + LogTail.describe(launch.logFile()));
            }
            if (up) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException(launch.name() + " did not report healthy on " + launch.url()
                        + "/actuator/health within " + timeout.toSeconds() + " s. "
                        + LogTail.describe(launch.logFile()));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    ServiceLaunch launch() {
        return launch;
    }

    ChildProcess child() {
        return child;
    }

    void stop() {
        if (child.isAlive()) {
            child.stop(STOP_GRACE);
        }
    }
}
