package com.calliyo.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.webhook.signing.WebhookSigner;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a real socket (JDK HttpServer on 127.0.0.1): records every request with its Standard
 * Webhooks headers and answers with the next scripted status (then 200, or what {@link #otherwiseAnswering} set), or hangs until
 * {@link #release()} when the script says {@link #HANG}.
 */
public final class TestReceiver implements AutoCloseable {

    public static final int HANG = -1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String type() {
            return json().get("type").asString();
        }

        /** True when one of the signatures in the header is the one {@code secret} gives. */
        public boolean signedWith(String secret) {
            String expected = WebhookSigner.sign(secret, id, Long.parseLong(timestamp), body);
            return Arrays.asList(signature.split(" ")).contains(expected);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int otherwise = 200;
    private volatile long holdMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<String> leadsInFlight = ConcurrentHashMap.newKeySet();
    private final List<String> overlappingLeads = new CopyOnWriteArrayList<>();

    private TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static TestReceiver start() {
        try {
            return new TestReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the next requests with these statuses ({@link #HANG} to hang), then 200. */
    public TestReceiver answering(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** Answers {@code status} once the script is used up (200 unless set). */
    public TestReceiver otherwiseAnswering(int status) {
        otherwise = status;
        return this;
    }

    /** Holds each request open for a moment before answering, so that senders overlap. */
    public TestReceiver holding(long millis) {
        holdMillis = millis;
        return this;
    }

    /** The most requests that were open at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Leads ({@code data.lead.id}) that had a request arrive while another of theirs was still open. */
    public List<String> overlappingLeads() {
        return new ArrayList<>(overlappingLeads);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every request, in arrival order. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests answered with 2xx, in arrival order. */
    public List<Received> accepted() {
        return new ArrayList<>(accepted);
    }

    /** The accepted requests de-duplicated by {@code webhook-id}, as a receiver should. */
    public List<Received> distinctAccepted() {
        List<Received> distinct = new ArrayList<>();
        for (Received r : accepted) {
            if (distinct.stream().noneMatch(d -> d.id().equals(r.id()))) {
                distinct.add(r);
            }
        }
        return distinct;
    }

    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Received request = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            String lead = request.json().path("data").path("lead").path("id").asString("");
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (!lead.isEmpty() && !leadsInFlight.add(lead)) {
                overlappingLeads.add(lead);
            }
            int answer;
            try {
                answer = answerFor(request);
            } finally {
                // before the answer is written: the sender may send this lead's next event once it has read it
                leadsInFlight.remove(lead);
                inFlight.decrementAndGet();
            }
            byte[] body = ("answered " + answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int answerFor(Received request) throws InterruptedException {
        if (holdMillis > 0) {
            Thread.sleep(holdMillis);
        }
        Integer status = script.poll();
        if (status != null && status == HANG) {
            released.await(60, TimeUnit.SECONDS);
            status = 200;
        }
        int answer = status == null ? otherwise : status;
        if (answer >= 200 && answer < 300) {
            accepted.add(request);
        }
        return answer;
    }
}
