package com.calliyo.order;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * lead-service's {@code GET /api/leads/{id}} over a real socket, for tests: answers 200 for leads registered with
 * {@link #knows} when the request carries the registered {@code Authorization}, 404 otherwise; can be switched to
 * answer 503, to hang (never answer), or to refuse connections (stopped).
 */
public final class StubLeadService {

    public enum Mode { UP, ERROR_503, HANG }

    private final Map<String, String> visibleTo = new ConcurrentHashMap<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final int port;
    private HttpServer server;

    private StubLeadService(int port) throws IOException {
        this.port = port;
        start();
    }

    public static StubLeadService start(int port) {
        try {
            return new StubLeadService(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/leads/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-lead-service");
            thread.setDaemon(true); // a hanging answer must not keep the test JVM alive
            return thread;
        }));
        server.start();
    }

    public synchronized void stop() {
        server.stop(0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public void knows(String leadId, String authorization) {
        visibleTo.put(leadId, authorization);
    }

    public void mode(Mode next) {
        mode.set(next);
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            switch (mode.get()) {
                case ERROR_503 -> exchange.sendResponseHeaders(503, -1);
                case HANG -> {
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case UP -> {
                    String leadId = exchange.getRequestURI().getPath().substring("/api/leads/".length());
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    boolean visible = authorization != null && authorization.equals(visibleTo.get(leadId));
                    byte[] body = visible ? ("{\"id\":\"" + leadId + "\"}").getBytes() : new byte[0];
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(visible ? 200 : 404, visible ? body.length : -1);
                    if (visible) {
                        exchange.getResponseBody().write(body);
                    }
                }
            }
        }
    }
}
