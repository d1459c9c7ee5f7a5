package com.calliyo.localstack;

/** A TCP port the stack listens on, and what listens there (for messages such as "Port 9092 (Kafka broker)"). */
public record PortUse(int port, String role) {

    @Override
    public String toString() {
        return "Port " + port + " (" + role + ")";
    }
}
