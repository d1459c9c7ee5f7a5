package com.calliyo.web.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A browser's {@code GET /live} over a real socket: the server-sent events it receives, in order, as they come.
 * The stream's end is an event named {@code (end)}.
 */
final class LiveStream implements AutoCloseable {

    record Event(String name, String data) {
    }

    static final String END = "(end)";

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final StringBuilder data = new StringBuilder();
    private String name = "message";

    LiveStream(String baseUrl, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/live"))
                .header("Cookie", "calliyo_access=" + accessToken)
                .header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            try (Stream<String> lines = answer.body()) {
                lines.forEach(this::line);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
            events.add(new Event(END, ""));
        });
    }

    int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    String contentType() throws Exception {
        return response.get(10, TimeUnit.SECONDS).headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, or null when none came within the time. */
    Event next(Duration within) throws InterruptedException {
        return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void line(String line) {
        if (line.isEmpty()) {
            if (!data.isEmpty() || !"message".equals(name)) {
                events.add(new Event(name, data.toString()));
            }
            data.setLength(0);
            name = "message";
        } else if (line.startsWith("event:")) {
            name = line.substring("event:".length()).trim();
        } else if (line.startsWith("data:")) {
            data.append(line.substring("data:".length()).trim());
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
