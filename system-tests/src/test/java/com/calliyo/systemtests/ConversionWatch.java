package com.calliyo.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * The observers of a benchmark round, each on its own thread: a plain consumer on the lead topic (from its end),
 * the Customers list and single customers by id (for those the list has not shown yet), and the conversion report,
 * all through the gateway every 5 ms. A customer counts as visible at the first of its sightings.
 */
final class ConversionWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 5;

    private final ConversionStamps stamps;
    private final List<Thread> threads;
    private volatile boolean running = true;
    private volatile Throwable lastError;

    private ConversionWatch(String kafka, Gateway admin, ConversionStamps stamps) {
        this.stamps = stamps;
        KafkaConsumer<String, byte[]> consumer = positionedAtEnd(kafka);
        long alreadyCounted = conversionsCounted(admin);
        threads = List.of(new Thread(() -> readTopic(consumer), "bench-topic"),
                new Thread(() -> keepGoing(() -> pollCustomers(admin)), "bench-customers"),
                new Thread(() -> keepGoing(() -> probeCustomers(admin)), "bench-customer-probe"),
                new Thread(() -> keepGoing(() -> pollReport(admin, alreadyCounted)), "bench-report"));
        threads.forEach(Thread::start);
    }

    static ConversionWatch start(String kafka, Gateway admin, ConversionStamps stamps) {
        return new ConversionWatch(kafka, admin, stamps);
    }

    /** Waits until every conversion is counted in the report, or fails after {@code seconds}. */
    void awaitAll(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (stamps.reached(ConversionStamps.COUNTED) < stamps.size()
                || stamps.reached(ConversionStamps.VISIBLE) < stamps.size()
                || stamps.reached(ConversionStamps.CONSUMED) < stamps.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + seconds + " s: " + stamps.reached(ConversionStamps.CONSUMED)
                        + " read from Kafka, " + stamps.reached(ConversionStamps.VISIBLE) + " visible, "
                        + stamps.reached(ConversionStamps.COUNTED) + " counted of " + stamps.size()
                        + "; the pollers' last error: " + lastError);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }

    /** A poll that fails (a timeout on a loaded machine) is tried again, not the end of the poller. */
    private void keepGoing(Runnable poller) {
        while (running) {
            try {
                poller.run();
            } catch (RuntimeException e) {
                lastError = e;
                pause();
            }
        }
    }

    private static KafkaConsumer<String, byte[]> positionedAtEnd(String kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(LeadEventTopics.LEAD_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the first conversion is sent
        return consumer;
    }

    private void readTopic(KafkaConsumer<String, byte[]> consumer) {
        String converted = LeadEventType.CONVERTED.type();
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(POLL_MILLIS))) {
                    long readAt = ConversionStamps.now();
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && converted.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        stamps.stamp(record.key(), ConversionStamps.RELAYED, record.timestamp() * 1_000_000L);
                        stamps.stamp(record.key(), ConversionStamps.CONSUMED, readAt);
                    }
                }
            }
        }
    }

    /**
     * Newest conversion first, at most 100 a page: each poll reads pages until one holds nothing new, so a burst of
     * conversions between two polls is seen whole.
     */
    private void pollCustomers(Gateway admin) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (running) {
            for (int page = 0; running; page++) {
                Gateway.Response answer = admin.get("/api/customers?size=100&page=" + page);
                long seenAt = ConversionStamps.now();
                if (answer.status() != 200) {
                    break;
                }
                JsonNode items = answer.json().get("items");
                boolean anyNew = false;
                for (JsonNode customer : items) {
                    String leadId = customer.get("leadId").asString();
                    if (seen.add(leadId)) {
                        anyNew = true;
                        stamps.stamp(leadId, ConversionStamps.VISIBLE, seenAt);
                    }
                }
                if (!anyNew || items.size() < 100) {
                    break;
                }
            }
            pause();
        }
    }

    /**
     * Conversions applied out of order (three partitions) can land below customers already seen on the list, so
     * each answered conversion not yet seen there is also asked for by id until its customer page answers.
     */
    private void probeCustomers(Gateway admin) {
        while (running) {
            for (int index : stamps.answeredNotYet(ConversionStamps.VISIBLE)) {
                if (admin.get("/api/customers/" + stamps.leadId(index)).status() == 200) {
                    stamps.stamp(index, ConversionStamps.VISIBLE, ConversionStamps.now());
                }
            }
            pause();
        }
    }

    /** The report says how many, not which: the first n conversions by send time count as counted. */
    private void pollReport(Gateway admin, long alreadyCounted) {
        while (running) {
            long counted = conversionsCounted(admin) - alreadyCounted;
            long seenAt = ConversionStamps.now();
            List<Integer> order = stamps.bySendTime();
            for (int i = 0; i < Math.min(counted, order.size()); i++) {
                stamps.stamp(order.get(i), ConversionStamps.COUNTED, seenAt);
            }
            pause();
        }
    }

    private static long conversionsCounted(Gateway admin) {
        Gateway.Response report = admin.get("/api/reports/conversions?groupBy=campaign");
        return report.status() == 200 ? report.json().get("total").get("conversions").asLong() : 0;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
