package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void shouldNameThePortAndItsRoleWhenOneIsTaken() throws IOException {
        try (ServerSocket occupant = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = occupant.getLocalPort();
            int free = FreePorts.take(1)[0];

            PortInUseException e = catchThrowableOfType(PortInUseException.class, () -> PortCheck.requireFree(
                    List.of(new PortUse(free, "MongoDB"), new PortUse(taken, "Kafka broker"))));

            assertThat(e.taken()).containsExactly(new PortUse(taken, "Kafka broker"));
            assertThat(e.getMessage()).isEqualTo("Port " + taken + " (Kafka broker) is already in use; "
                    + "stop whatever holds it or run with --port-offset=N");
        }
    }

    @Test
    void shouldNameEveryTakenPort() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            PortInUseException e = catchThrowableOfType(PortInUseException.class, () -> PortCheck.requireFree(List.of(
                    new PortUse(first.getLocalPort(), "gateway"), new PortUse(second.getLocalPort(), "lead-service"))));

            assertThat(e.getMessage()).startsWith("Ports " + first.getLocalPort() + " (gateway), "
                    + second.getLocalPort() + " (lead-service) are already in use");
        }
    }

    @Test
    void shouldSeeAPortHeldOnTheWildcardAddress() throws IOException {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(0));

            assertThat(PortCheck.isFree(occupant.getLocalPort())).isFalse();
        }
    }

    @Test
    void shouldPassWhenEveryPortIsFree() {
        int[] ports = FreePorts.take(3);

        assertThatCode(() -> PortCheck.requireFree(List.of(new PortUse(ports[0], "gateway"),
                new PortUse(ports[1], "MongoDB"), new PortUse(ports[2], "Kafka controller"))))
                .doesNotThrowAnyException();
    }
}
