package com.calliyo.order.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.EventTraceContext;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.OrderEventType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays the events kept in each order document ({@code pendingEvents}) to {@code crm.order.events}, as CloudEvents
 * in binary mode keyed by leadId, on its own thread: an order is published right after it was written (the writer
 * calls {@link #wake}), and a sweep every {@code order.outbox.sweep-interval} finds orders whose events are still
 * waiting (broker down, a crash between write and send). An order's events are sent in the order they were written,
 * each acknowledged (acks=all) before the acknowledged ones are pulled from the document. A crash between ack and
 * pull re-sends them: delivery is at least once, and consumers guard by {@code orderVersion}.
 * <p>
 * One relay thread per instance; an order is published under a lease ({@link OutboxLease}), so with several
 * instances two relays never send the same order's events at once.
 */
@Component
public class OrderOutbox implements SmartLifecycle {

    public static final String PENDING = "pendingEvents";
    /** The counter an order's outbox lease is claimed by (compare-and-set); new orders start at 0. */
    public static final String CLAIMS = "outboxClaims";
    /**
     * The orders with events to publish, for the sweep ({@code pendingEvents.0 $exists}): sparse, so it holds only
     * those, not every order. A real MongoDB answers the sweep from it, and the local stack's store keeps it as the
     * set of those orders instead of scanning the collection (lead-service's outboxes declare the same).
     */
    static final String PENDING_INDEX_NAME = "pendingEvents_0_sparse";
    private static final Logger log = LoggerFactory.getLogger(OrderOutbox.class);
    private static final URI SOURCE = URI.create(OrderEventTopics.SOURCE);

    private final MongoCollection<Document> orders;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final OutboxLease lease;
    private final OrderOutboxMetrics metrics;
    private final ConcurrentLinkedQueue<String> hints = new ConcurrentLinkedQueue<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    OrderOutbox(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            MeterRegistry meters) {
        this.orders = mongo.getCollection("orders");
        this.kafka = kafka;
        this.properties = properties;
        this.lease = new OutboxLease(orders, properties.leaseDuration(), Clock.systemUTC());
        this.metrics = new OrderOutboxMetrics(meters, Clock.systemUTC());
        orders.createIndex(Indexes.ascending(PENDING + ".0"), new IndexOptions().sparse(true).name(PENDING_INDEX_NAME));
    }

    /** The stored events, each with the trace context of the request that wrote it, when there is one. */
    public static List<Document> toDocuments(List<OutboxEvent> events) {
        String traceparent = EventTraceContext.current();
        return events.stream().map(e -> {
            Document stored = new Document("id", e.id())
                    .append("type", e.type())
                    .append("key", e.key())
                    .append("subject", e.subject())
                    .append("occurredAt", Date.from(e.occurredAt()))
                    .append("payload", e.payload());
            return traceparent == null ? stored : stored.append(EventTraceContext.TRACEPARENT, traceparent);
        }).toList();
    }

    /** The order {@code orderId} has new events: publish them soon. */
    public void wake(String orderId) {
        hints.add(orderId);
        wakeUp.release();
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            log.warn("The order outbox relay is off (order.outbox.relay-enabled=false): events wait in the orders");
            return;
        }
        Thread thread = new Thread(this::run, "order-outbox");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        long nextSweep = 0;
        while (worker == Thread.currentThread()) {
            try {
                Set<String> ids = new LinkedHashSet<>();
                for (String id = hints.poll(); id != null; id = hints.poll()) {
                    ids.add(id);
                }
                if (System.nanoTime() - nextSweep >= 0) {
                    ids.addAll(waitingOrders());
                    nextSweep = System.nanoTime() + properties.sweepInterval().toNanos();
                }
                ids.forEach(this::publishQuietly);
                if (hints.isEmpty()) {
                    wakeUp.tryAcquire(properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Order outbox sweep failed, retrying at the next one: {}", e.toString());
            }
        }
    }

    /**
     * A search of the sparse pending index, run only as the periodic sweep; the per-order path never searches. It also measures the backlog (the
     * events' times come with the same search), so the metrics cost no scan of their own.
     */
    private List<String> waitingOrders() {
        List<String> ids = new ArrayList<>();
        orders.find(Filters.exists(PENDING + ".0")).projection(Projections.include("_id", PENDING + ".occurredAt"))
                .forEach(doc -> {
                    ids.add(doc.getString("_id"));
                    metrics.swept(doc.getList(PENDING, Document.class, List.of()));
                });
        metrics.sweepDone();
        return ids;
    }

    private void publishQuietly(String orderId) {
        try {
            publish(orderId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not publish the events of order {} yet (the sweep retries): {}", orderId, e.toString());
        }
    }

    void publish(String orderId) throws Exception {
        Document claimed = lease.claim(orderId);
        if (claimed == null) {
            return;
        }
        List<String> sent = new ArrayList<>();
        try {
            for (Document event : claimed.getList(PENDING, Document.class)) {
                awaitAck(event);
                sent.add(event.getString("id"));
            }
        } finally {
            lease.settle(claimed, sent); // on a failure too: the rest waits for the next sweep, not the lease
        }
    }

    private void awaitAck(Document event) throws Exception {
        try {
            kafka.send(toRecord(event)).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw e; // stopping, not a failed send
        } catch (Exception e) {
            metrics.failed();
            throw e;
        }
        metrics.acknowledged(event);
    }

    static ProducerRecord<String, byte[]> toRecord(Document event) {
        String type = event.getString("type");
        CloudEventBuilder cloudEvent = CloudEventBuilder.v1()
                .withId(event.getString("id"))
                .withType(type)
                .withSource(SOURCE)
                .withSubject(event.getString("subject"))
                .withTime(event.getDate("occurredAt").toInstant().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.getString("payload").getBytes(StandardCharsets.UTF_8));
        OrderEventType.ofType(type).ifPresent(t -> cloudEvent.withDataSchema(t.dataSchema()));
        String traceparent = event.getString(EventTraceContext.TRACEPARENT);
        return EventTraceContext.withTraceParent(
                KafkaMessageFactory.<String>createWriter(OrderEventTopics.ORDER_EVENTS, event.getString("key"))
                        .writeBinary(EventTraceContext.withTraceParent(cloudEvent, traceparent).build()),
                traceparent);
    }
}
