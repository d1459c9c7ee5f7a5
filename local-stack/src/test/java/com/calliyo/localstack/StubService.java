package com.calliyo.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service in tests of the child-process handling: answers {@code /actuator/health} on SERVER_PORT.
 * STUB_MODE=crash prints a few lines and exits with code 3; STUB_MODE=silent never listens; STUB_MODE_&lt;port&gt;
 * sets the mode of the stub on that port only. STUB_STOP_MILLIS=n makes its orderly stop (SIGTERM) take n ms after
 * it logs "stub stopping", as a service's graceful shutdown does.
 */
public final class StubService {

    private StubService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String port = System.getenv("SERVER_PORT");
        String mode = System.getenv().getOrDefault("STUB_MODE_" + port,
                System.getenv().getOrDefault("STUB_MODE", "healthy"));
        System.out.println("stub starting in mode " + mode + " for port " + port);
        System.out.println("MONGODB_URI=" + System.getenv("MONGODB_URI"));
        if (mode.equals("crash")) {
            for (int i = 1; i <= 50; i++) {
                System.out.println("crash line " + i);
            }
            System.exit(3);
        }
        if (mode.equals("silent")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(port)), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        long stopMillis = Long.parseLong(System.getenv().getOrDefault("STUB_STOP_MILLIS", "0"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stub stopping");
            server.stop(0);
            pause(stopMillis);
        }));
        System.out.println("stub healthy");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
