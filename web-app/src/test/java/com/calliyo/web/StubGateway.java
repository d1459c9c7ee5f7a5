package com.calliyo.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway as web-app sees it, on a random port: the key set, and canned answers per "METHOD /path" that a test
 * sets (a list is answered in turn, the last one repeated). Every request is recorded with its Authorization header.
 */
public final class StubGateway {

    public record Answer(int status, String body) {
    }

    public record Received(String method, String path, String authorization, String body,
                           Map<String, List<String>> headers) {

        /** A request header by name, ignoring case (null when absent). */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public StubGateway() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Answer answer;
            if (path.equals("/.well-known/jwks.json")) {
                answer = new Answer(200, new JWKSet(key.toPublicJWK()).toString());
            } else {
                received.add(new Received(method, exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body,
                        Map.copyOf(exchange.getRequestHeaders())));
                List<Answer> queue = answers.get(method + " " + path);
                answer = queue == null ? new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}")
                        : queue.size() > 1 ? queue.remove(0) : queue.get(0);
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    answer.status() >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(String methodAndPath, Answer... inTurn) {
        answers.put(methodAndPath, new CopyOnWriteArrayList<>(List.of(inTurn)));
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String methodAndPath) {
        return received.stream().filter(r -> (r.method() + " " + r.path()).startsWith(methodAndPath)).toList();
    }

    /** An access token like lead-service's, signed with this stub's key. */
    public String accessToken(String userId, String role, Instant expiresAt) {
        return accessToken(userId, role, expiresAt, "calliyo");
    }

    public String accessToken(String userId, String role, Instant expiresAt, String issuer) {
        return accessToken(userId, role, "company-1", "session-1", expiresAt, issuer);
    }

    /** A token of any company and sign-in session, for tests that tell users apart. */
    public String accessToken(String userId, String role, String companyId, String sessionId, Instant expiresAt) {
        return accessToken(userId, role, companyId, sessionId, expiresAt, "calliyo");
    }

    private String accessToken(String userId, String role, String companyId, String sessionId, Instant expiresAt,
                               String issuer) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId).issuer(issuer)
                    .claim("role", role).claim("companyId", companyId).claim("sid", sessionId)
                    .issueTime(Date.from(expiresAt.minusSeconds(900))).expirationTime(Date.from(expiresAt)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** lead-service's answer to sign-in and refresh. */
    public String grant(String accessToken, String refreshToken, String role) {
        return """
                {"accessToken":"%s","tokenType":"Bearer","expiresIn":900,"refreshToken":"%s","refreshExpiresIn":2592000,
                 "sessionId":"session-1","user":{"id":"user-1","name":"Asha Rao","role":"%s","companyId":"company-1"}}
                """.formatted(accessToken, refreshToken, role);
    }
}
