package com.calliyo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Ports the OS hands out as free right now, distinct from each other. */
final class FreePorts {

    private FreePorts() {
    }

    static int[] take(int count) {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < count) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.add(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A configuration whose ten ports are all free at the moment. */
    static LocalStackConfig.Builder config() {
        int[] ports = take(10);
        return LocalStackConfig.builder()
                .kafkaPort(ports[0])
                .kafkaControllerPort(ports[1])
                .mongoPort(ports[2])
                .servicePort(ServiceModule.GATEWAY, ports[3])
                .servicePort(ServiceModule.LEAD_SERVICE, ports[4])
                .servicePort(ServiceModule.CUSTOMER_SERVICE, ports[5])
                .servicePort(ServiceModule.ORDER_SERVICE, ports[6])
                .servicePort(ServiceModule.REPORTING_SERVICE, ports[7])
                .servicePort(ServiceModule.WEB_APP, ports[8])
                .servicePort(ServiceModule.WEBHOOK_SERVICE, ports[9]);
    }
}
