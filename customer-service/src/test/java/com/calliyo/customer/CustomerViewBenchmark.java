package com.calliyo.customer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.events.OrderEventTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the Customers view follows the topics, on the real broker and store of the integration tests (in-process
 * KRaft broker + mongo-java-server, or Testcontainers with Docker). Not run by {@code verify}; run it explicitly:
 * <pre>./mvnw -B -o -pl customer-service test -Dtest=CustomerViewBenchmark -Dbench.events=100000</pre>
 * (a) a plain KafkaConsumer that does nothing reads the same records: the raw produce and consume rates;
 * (b) the service consumes while the events are produced: events/s until its group's lag is 0;
 * (c) a second copy of the service with a fresh group rebuilds the view into an empty database: the time it takes,
 * and whether every document equals the live view's. Prints the figures; asserts only the final state.
 */
class CustomerViewBenchmark {

    private static final List<String> TOPICS = List.of(LeadEventTopics.LEAD_EVENTS, OrderEventTopics.ORDER_EVENTS,
            LeadEventTopics.COMPANY_EVENTS);

    @Test
    void measure() throws Exception {
        int wanted = Integer.getInteger("bench.events", 100_000);
        TestInfrastructure.Endpoints infra = TestInfrastructure.shared();
        BenchmarkEvents events = BenchmarkEvents.atLeast(wanted);
        int n = events.records.size();
        String liveDb = "bench-live-" + UUID.randomUUID();
        String liveGroup = "bench-live-" + UUID.randomUUID();
        StringBuilder report = new StringBuilder();
        report.append(String.format("%nCustomerViewBenchmark: %,d events (%,d orders, %,d customers expected), "
                + "infrastructure %s%n", n, events.orders, events.expectedCustomers, infra.kind()));

        try (ConsumerLag lag = new ConsumerLag(infra.kafkaBootstrapServers());
             ConfigurableApplicationContext live = ViewDatabases.startService(infra.kafkaBootstrapServers(),
                     infra.mongoServer(), liveDb, liveGroup)) {
            // (b) the service is running; time from the first send until it has applied the last record
            long start = System.nanoTime();
            double produceSeconds = produce(infra.kafkaBootstrapServers(), events.records);
            awaitNoLag(lag, liveGroup);
            double viewSeconds = seconds(start);
            report.append(String.format("  produce (acks=all)                 : %,10.0f events/s (%.1f s)%n",
                    n / produceSeconds, produceSeconds));

            // (a) the same records read by a consumer that does nothing with them
            double consumeSeconds = consumeAll(infra.kafkaBootstrapServers(), n);
            report.append(String.format("  (a) raw consume, plain consumer    : %,10.0f events/s (%.1f s); "
                    + "produce+consume %,.0f events/s%n", n / consumeSeconds, consumeSeconds,
                    n / (produceSeconds + consumeSeconds)));
            report.append(String.format("  (b) view applies (live, lag -> 0)  : %,10.0f events/s (%.1f s from the "
                    + "first send)%n", n / viewSeconds, viewSeconds));
            Map<String, Map<Object, Document>> liveView = ViewDatabases.contents(infra.mongoServer(), liveDb);
            assertThat(customers(liveView)).as("customers in the live view").isEqualTo(events.expectedCustomers);

            // (c) rebuild: a fresh group replays everything into an empty database
            String rebuiltDb = "bench-rebuild-" + UUID.randomUUID();
            String rebuildGroup = "bench-rebuild-" + UUID.randomUUID();
            long rebuildStart = System.nanoTime();
            try (ConfigurableApplicationContext copy = ViewDatabases.startService(infra.kafkaBootstrapServers(),
                    infra.mongoServer(), rebuiltDb, rebuildGroup)) {
                double startup = seconds(rebuildStart);
                awaitNoLag(lag, rebuildGroup);
                double rebuildSeconds = seconds(rebuildStart);
                Map<String, Map<Object, Document>> rebuilt = ViewDatabases.contents(infra.mongoServer(), rebuiltDb);
                boolean identical = rebuilt.equals(liveView);
                report.append(String.format("  (c) rebuild into an empty database : %.1f s (%.1f s of it service "
                        + "start-up), %,.0f events/s; identical to the live view: %s%n", rebuildSeconds, startup,
                        n / (rebuildSeconds - startup), identical));
                System.out.println(report);
                assertThat(identical).as("rebuilt view equals the live view").isTrue();
            }
        }
    }

    private static double produce(String bootstrapServers, List<ProducerRecord<String, byte[]>> records)
            throws Exception {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
            // a last synchronous send surfaces any error of the batch
            producer.send(records.get(records.size() - 1)).get(30, TimeUnit.SECONDS);
        }
        return seconds(start);
    }

    /** Reads {@code count} records of the three topics from the start with a fresh group, doing nothing with them. */
    private static double consumeAll(String bootstrapServers, int count) {
        long start = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(TOPICS);
            long seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < count && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertThat(seen).as("records read by the plain consumer").isGreaterThanOrEqualTo(count);
        }
        return seconds(start);
    }

    private static void awaitNoLag(ConsumerLag lag, String group) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (lag.of(group, TOPICS) > 0) {
            assertThat(System.nanoTime()).as("group %s still lagging after 30 minutes", group).isLessThan(deadline);
            Thread.sleep(100); // polling a lag, not waiting for a result of our own
        }
    }

    private static long customers(Map<String, Map<Object, Document>> view) {
        return view.get("customers").values().stream().filter(doc -> Boolean.TRUE.equals(doc.get("customer")))
                .count();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
