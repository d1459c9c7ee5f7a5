package com.calliyo.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.testing.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of {@code verify}: {@code ./mvnw -B -o -pl webhook-service -am verify -Dtest=WebhookDeliveryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=None -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dbench.events=2000 -Dbench.leads=200 -Dbench.subscriptions=4}. Produces {@code bench.events} note events over
 * {@code bench.leads} leads to {@code bench.subscriptions} subscriptions of one fast local receiver (200, empty body)
 * and prints deliveries per second, event → delivery latency p50/p99 (produce acknowledged → request at the
 * receiver), and the rate of a plain KafkaConsumer reading the same records. Asserts only that every event reached
 * every subscription once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "webhook.targets.allow-insecure=true",
        "webhook.delivery.poll-interval=50ms"})
@ActiveProfiles("test")
class WebhookDeliveryBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 2000);
    private static final int LEADS = Integer.getInteger("bench.leads", 200);
    private static final int SUBSCRIPTIONS = Integer.getInteger("bench.subscriptions", 4);
    /** How long the receiver takes to answer, as a real endpoint does (0: at once). */
    private static final int ANSWER_MILLIS = Integer.getInteger("bench.answerMillis", 0);

    @LocalServerPort
    int port;

    private final Map<String, Long> producedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "webhooks-bench-" + UUID.randomUUID());
        registry.add("spring.kafka.consumer.group-id", () -> "webhook-bench-" + UUID.randomUUID());
    }

    @Test
    void deliveriesPerSecondAndLatencyBesideTheRawConsumeRate() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", this::receive);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.start();
        String company = "company-" + UUID.randomUUID();
        WebhookApi admin = new WebhookApi(port, TestTokens.bearer(company, Role.ADMIN));
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            admin.subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/sub-" + i, "note.added");
        }
        List<SourceEvents> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(new SourceEvents(company));
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (int i = 0; i < EVENTS; i++) {
                ProducerRecord<String, byte[]> record = SourceEvents.record(leads.get(i % LEADS).noteAdded(2 + i / LEADS));
                String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                ids.add(id);
                producer.send(record, (metadata, error) -> producedAt.put(id, System.nanoTime()));
            }
            producer.flush();
        }
        long produced = System.nanoTime();
        int expected = EVENTS * SUBSCRIPTIONS;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> deliveredAt.size() >= expected);
        long lastDelivery = deliveredAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        receiver.stop(0);

        List<Long> latencies = new ArrayList<>();
        deliveredAt.forEach((key, at) -> latencies.add(at - producedAt.get(key.substring(key.indexOf(' ') + 1))));
        latencies.sort(Long::compare);
        double consumeRate = rawConsumeRate(ids);
        System.out.printf("%nBENCH webhook-service: %d events x %d subscriptions = %d deliveries, %d leads%n",
                EVENTS, SUBSCRIPTIONS, expected, LEADS);
        System.out.printf("BENCH produce: %.0f events/s%n", EVENTS / seconds(produced - start));
        System.out.printf("BENCH deliveries/s (first produce -> last delivery): %.0f%n",
                expected / seconds(lastDelivery - start));
        System.out.printf("BENCH event -> delivery latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                millis(latencies.get(latencies.size() / 2)), millis(latencies.get((int) (latencies.size() * 0.99))),
                millis(latencies.get(latencies.size() - 1)));
        System.out.printf("BENCH raw consume of the same topic (plain KafkaConsumer, new group): %.0f records/s%n",
                consumeRate);
        assertThat(deliveredAt).hasSize(expected);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            if (ANSWER_MILLIS > 0) {
                try {
                    Thread.sleep(ANSWER_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String key = exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("webhook-id");
            deliveredAt.putIfAbsent(key, System.nanoTime());
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private double rawConsumeRate(Set<String> ids) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(LeadEventTopics.LEAD_EVENTS));
            Set<String> seen = ConcurrentHashMap.newKeySet();
            long count = 0;
            long first = 0;
            while (seen.size() < ids.size()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    first = first == 0 ? System.nanoTime() : first;
                    count++;
                    String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                    if (ids.contains(id)) {
                        seen.add(id);
                    }
                }
            }
            return count / seconds(System.nanoTime() - first);
        }
    }


    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
