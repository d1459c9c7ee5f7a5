package com.calliyo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every child process one stack started, so that none survives it: once the group is closed it starts nothing more,
 * and {@link #killRemaining()} stops whatever the orderly shutdown did not reach (e.g. a broker caught mid-start).
 */
final class ProcessGroup {

    private final List<ChildProcess> children = new ArrayList<>();
    private boolean closed;

    synchronized ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logFile) {
        if (closed) {
            throw new LocalStackException("The stack is stopping; " + name + " was not started");
        }
        ChildProcess child = ChildProcess.start(name, command, environment, logFile);
        children.add(child);
        return child;
    }

    synchronized void close() {
        closed = true;
    }

    void killRemaining() {
        List<ChildProcess> alive;
        synchronized (this) {
            closed = true;
            alive = children.stream().filter(ChildProcess::isAlive).toList();
        }
        alive.forEach(child -> child.stop(Duration.ofSeconds(5)));
    }
}
