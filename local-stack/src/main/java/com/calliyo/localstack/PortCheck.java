package com.calliyo.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Finds taken ports before anything starts, so that a conflict is reported by name instead of as a half-started
 * stack. A port counts as free only if both 127.0.0.1 and the wildcard address can be bound: the broker and MongoDB
 * listen on the first, the services on the second.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(List<PortUse> ports) {
        List<PortUse> taken = ports.stream().filter(use -> !isFree(use.port())).toList();
        if (!taken.isEmpty()) {
            throw new PortInUseException(taken);
        }
    }

    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && canBind(new InetSocketAddress(port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
