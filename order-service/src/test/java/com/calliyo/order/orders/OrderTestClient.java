package com.calliyo.order.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls order-service over a real socket. Every call has a 15 s time-out, so a service that hangs fails the test
 * instead of blocking it.
 */
public final class OrderTestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public OrderTestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Answer(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Answer post(String path, String authorization, String body, String idempotencyKey) {
        HttpRequest.Builder request = request(path, authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A POST whose body is JSON but whose Content-Type says otherwise. */
    public Answer postAs(String contentType, String path, String authorization, String body) {
        return send(request(path, authorization).setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer patch(String path, String authorization, String body) {
        return send(request(path, authorization).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A PATCH with {@code If-Match}: the change only to the version the client read. */
    public Answer patchIfMatch(String path, String authorization, String body, String ifMatch) {
        return send(request(path, authorization).header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A GET with {@code If-None-Match}: 304 while the answer still has that ETag. */
    public Answer getIfNoneMatch(String path, String authorization, String etag) {
        return send(request(path, authorization).header("If-None-Match", etag).GET());
    }

    public Answer put(String path, String authorization, String body) {
        return send(request(path, authorization).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
