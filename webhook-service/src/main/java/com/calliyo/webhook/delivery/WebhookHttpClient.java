package com.calliyo.webhook.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.calliyo.webhook.WebhookServiceProperties;
import org.springframework.stereotype.Component;

/**
 * POSTs one signed body and reads at most {@code response-bytes} of the answer, all within {@code timeout}
 * (connect, send, headers and those bytes): a receiver that accepts the connection and never answers costs one
 * worker for that long, no more. Redirects are not followed (a 3xx is an answer, and following one could lead
 * past the target checks).
 */
@Component
class WebhookHttpClient {

    /** What one POST gave: a status and the first bytes of the answer, or the error that left no answer. */
    record Answer(Integer statusCode, Optional<String> retryAfter, String response, String error, long latencyMillis) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int responseBytes;

    WebhookHttpClient(WebhookServiceProperties properties) {
        this.timeout = properties.delivery().timeout();
        this.responseBytes = properties.delivery().responseBytes();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    Answer post(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Calliyo-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long started = System.nanoTime();
        AtomicReference<InputStream> stream = new AtomicReference<>();
        CompletableFuture<Answer> answer = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    stream.set(response.body());
                    return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"),
                            firstBytes(response.body()), null, 0);
                });
        try {
            Answer got = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(got.statusCode(), got.retryAfter(), got.response(), null, millisSince(started));
        } catch (TimeoutException e) {
            answer.cancel(true);
            close(stream.get());
            return failure("no answer within " + timeout.toMillis() + " ms", started);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failure(cause.getClass().getSimpleName() + ": " + cause.getMessage(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted", started);
        }
    }

    private String firstBytes(InputStream body) {
        try (body) {
            return new String(body.readNBytes(responseBytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Answer failure(String error, long started) {
        return new Answer(null, Optional.empty(), null, error, millisSince(started));
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static void close(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the attempt has already failed; nothing more to learn from the stream
            }
        }
    }
}
