package com.calliyo.localstack;

import java.util.List;
import java.util.stream.Collectors;

/** One or more of the stack's ports are taken; nothing was started. */
public class PortInUseException extends LocalStackException {

    private final List<PortUse> taken;

    public PortInUseException(List<PortUse> taken) {
        super(message(taken));
        this.taken = List.copyOf(taken);
    }

    public List<PortUse> taken() {
        return taken;
    }

    private static String message(List<PortUse> taken) {
        if (taken.size() == 1) {
            return taken.get(0) + " is already in use; stop whatever holds it or run with --port-offset=N";
        }
        String ports = taken.stream().map(use -> use.port() + " (" + use.role() + ")").collect(Collectors.joining(", "));
        return "Ports " + ports + " are already in use; stop whatever holds them or run with --port-offset=N";
    }
}
