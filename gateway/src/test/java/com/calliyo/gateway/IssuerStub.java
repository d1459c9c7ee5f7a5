package com.calliyo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** lead-service's key set endpoint on a random port, serving {@link TestTokens}' public keys and counting fetches. */
final class IssuerStub {

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();

    private IssuerStub(TestTokens tokens, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            StubService.json(exchange, 200, tokens.jwks());
        });
        server.start();
    }

    static IssuerStub start(TestTokens tokens) {
        return new IssuerStub(tokens, 0);
    }

    static IssuerStub start(TestTokens tokens, int port) {
        return new IssuerStub(tokens, port);
    }

    void stop() {
        server.stop(0);
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    int fetches() {
        return fetches.get();
    }
}
