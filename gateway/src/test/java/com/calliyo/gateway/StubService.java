package com.calliyo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A downstream service stand-in on a random port: records what reaches it and answers as the test says. */
final class StubService {

    record Received(String method, String uri, String authorization, String requestId, String traceparent,
            String body) {
    }

    @FunctionalInterface
    interface Answer {
        /** @param attempt 1 for the first request since the last reset */
        void answer(HttpExchange exchange, int attempt) throws IOException;
    }

    private final String name;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "stub-service");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer;
    private volatile CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private int port;

    private StubService(String name) {
        this.name = name;
        reset();
    }

    static StubService start(String name) {
        StubService stub = new StubService(name);
        stub.bind(0);
        return stub;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int hits() {
        return received.size();
    }

    /** Echo mode again, no recorded requests, running on its original port, hanging requests let go. */
    void reset() {
        released.countDown();
        released = new CountDownLatch(1);
        received.clear();
        answer = (exchange, attempt) -> json(exchange, 200, "{\"service\":\"" + name + "\"}");
        if (server == null && port != 0) {
            bind(port);
        }
    }

    void answerWith(Answer answer) {
        this.answer = answer;
    }

    void answerWithStatus(int status) {
        answerWith((exchange, attempt) -> json(exchange, status, "{\"status\":" + status + "}"));
    }

    /** Keeps every request waiting until {@link #reset()}, like a service stuck on a slow query. */
    void hang() {
        CountDownLatch latch = released;
        answerWith((exchange, attempt) -> {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            json(exchange, 200, "{\"late\":true}");
        });
    }

    /** Closes the port: connections are refused until {@link #reset()} binds it again. */
    void stop() {
        server.stop(0);
        server = null;
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void bind(int wantedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", wantedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst(RequestIdFilter.HEADER),
                    exchange.getRequestHeaders().getFirst("traceparent"), body));
            answer.answer(exchange, received.size());
        });
        server.start();
        port = server.getAddress().getPort();
    }
}
