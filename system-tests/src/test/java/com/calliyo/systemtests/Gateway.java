package com.calliyo.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the suite's front door; tests use nothing else to talk to the services. */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final AtomicReference<String> accessToken;
    private final Supplier<String> signIn;

    Gateway(String baseUrl) {
        this(baseUrl, null, null);
    }

    private Gateway(String baseUrl, String accessToken, Supplier<String> signIn) {
        this.baseUrl = baseUrl;
        this.accessToken = new AtomicReference<>(accessToken);
        this.signIn = signIn;
    }

    /** The same front door, each request sent with {@code Authorization: Bearer <accessToken>}. */
    Gateway as(String token) {
        return new Gateway(baseUrl, token, null);
    }

    /**
     * The same front door as a user who signs in again (with {@code signIn}) when an answer is 401 and repeats that
     * request once: for runs longer than an access token lives (15 minutes), such as the long fault runs. Tests that
     * expect a 401 (revocation, sign-out) use {@link #as(String)}, which never signs in again.
     */
    Gateway renewing(Supplier<String> signIn) {
        return new Gateway(baseUrl, signIn.get(), signIn);
    }

    /** Where the suite's front door is, e.g. for a curl command that repeats a request. */
    String baseUrl() {
        return baseUrl;
    }

    /** The access token this client sends, or null. */
    String accessToken() {
        return accessToken.get();
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Response put(String path, String json) {
        return send("PUT", path, json);
    }

    /** A PUT with one extra header, e.g. {@code X-Confirm-Password} for the configuration. */
    Response put(String path, String json, String header, String value) {
        return send("PUT", path, json, Map.of(header, value));
    }

    /** A PUT with extra headers, e.g. {@code X-Confirm-Password} for the configuration. */
    Response put(String path, String json, Map<String, String> headers) {
        return send("PUT", path, json, headers);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String body) {
        return send(method, path, body, Map.of());
    }

    /**
     * A request as given: {@code path} already percent-encoded, {@code headers} replacing the defaults (so a test can
     * send another {@code Content-Type}).
     */
    Response send(String method, String path, String body, Map<String, String> headers) {
        String token = accessToken.get();
        Response response = sendAs(token, method, path, body, headers);
        if (response.status() == 401 && signIn != null) {
            try {
                accessToken.compareAndSet(token, signIn.get());
            } catch (RuntimeException | AssertionError signInRefused) { // e.g. lead-service down for a fault
                return response;
            }
            response = sendAs(accessToken.get(), method, path, body, headers);
        }
        return response;
    }

    private Response sendAs(String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    record Response(int status, String body, String contentType, Map<String, List<String>> headers) {

        Response(int status, String body, String contentType) {
            this(status, body, contentType, Map.of());
        }

        /** The {@code Retry-After} header, or null. */
        String retryAfter() {
            return header("Retry-After");
        }

        /** The first value of a response header (names are case-insensitive), or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
