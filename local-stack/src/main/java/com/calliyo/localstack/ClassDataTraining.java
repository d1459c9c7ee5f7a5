package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The training run that records a service's class data archive before the first start of a build (see
 * {@link ClassDataSharing}): the service's own command and environment, with the training flags, against the stack's
 * MongoDB and broker. It exits once the context has refreshed, so it opens no port and consumes nothing. Its output
 * goes to {@code <logs>/<module>.cds-training.log}. A failed run costs only the archive: the service then starts
 * without one.
 */
final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /** Returns the launch to start: with the new archive, or without one if the training run failed. */
    static ServiceLaunch trainIfNeeded(ProcessGroup group, ServiceLaunch launch, Duration timeout)
            throws InterruptedException {
        ClassDataSharing.Plan plan = launch.classData();
        if (!plan.needsTraining()) {
            return launch;
        }
        long start = System.nanoTime();
        Path log = launch.logFile().resolveSibling(launch.name() + ".cds-training.log");
        Console.step(launch.name() + ": recording its class data archive (first start of this build; log "
                + Console.shortPath(log) + ")");
        ChildProcess training = group.start(launch.name() + " class data training", launch.trainingCommand(),
                launch.environment(), log);
        int exitCode;
        if (training.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exitCode = training.exitValue();
        } else {
            training.stop(Duration.ofSeconds(5));
            exitCode = -1;
        }
        if (ClassDataSharing.keepRecording(plan, exitCode)) {
            Console.step(launch.name() + ": class data archive recorded (" + Console.since(start) + ")");
            return launch.withClassData(plan.usingArchive());
        }
        Console.step(launch.name() + ": no class data archive (training run exit code " + exitCode + ", see "
                + Console.shortPath(log) + "); starting without one");
        return launch.withClassData(plan.withoutArchive());
    }
}
