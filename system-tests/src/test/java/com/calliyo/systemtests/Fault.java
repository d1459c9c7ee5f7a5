package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.calliyo.localstack.ServiceModule;
import com.calliyo.localstack.StackFaults;

/**
 * One fault of the fault-injection test, by name: {@code mongo} (the MongoDB-wire server off the network and back),
 * {@code broker} (the Kafka broker killed with SIGKILL and started again), {@code freeze-<service>} (SIGSTOP, then
 * SIGCONT) and {@code kill-<service>} (SIGKILL, then started again and healthy). The first three last
 * {@code hold}; a killed service is started again at once (its start-up is the outage).
 */
record Fault(String name) {

    /** The CI run: one of each kind, lead-service (the outbox) for the kill. */
    static final String SHORT = "mongo,broker,freeze-customer-service,kill-lead-service";

    /** {@code scripts/faults.sh}: every kind on every service that owns data. */
    static String full() {
        List<String> names = new ArrayList<>(List.of("mongo", "broker"));
        for (ServiceModule module : ServiceModule.values()) {
            if (module.database().isPresent()) {
                names.add("freeze-" + module.moduleName());
                names.add("kill-" + module.moduleName());
            }
        }
        return String.join(",", names);
    }

    static List<Fault> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Fault::new).toList();
    }

    /** Inflicts the fault and undoes it; returns once the part is back (a restarted service is healthy). */
    void inflictAndUndo(Suite suite, StackFaults faults, Duration hold) throws Exception {
        if (name.equals("mongo")) {
            faults.stopMongo();
            Thread.sleep(hold.toMillis());
            faults.restartMongo();
        } else if (name.equals("broker")) {
            faults.killKafka();
            Thread.sleep(hold.toMillis());
            faults.restartKafka();
        } else if (name.startsWith("freeze-")) {
            try (AutoCloseable frozen = suite.freeze(module("freeze-")).orElseThrow()) {
                Thread.sleep(hold.toMillis());
            }
        } else if (name.startsWith("kill-")) {
            ServiceModule module = module("kill-");
            faults.kill(module);
            faults.restart(module);
        } else {
            throw new IllegalArgumentException("Unknown fault " + name + "; known: " + full());
        }
    }

    private ServiceModule module(String prefix) {
        return ServiceModule.valueOf(name.substring(prefix.length()).toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
