package com.calliyo.lead.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends the pending events of a document {@link OutboxPublisher} claimed, in the order they were written, and awaits
 * the broker's acknowledgements in that order ({@link SendOutcome}).
 */
final class OutboxSends {

    /** Logged under the publisher's name, as before the sends had a class of their own. */
    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final String PENDING = OutboxLeases.PENDING;

    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final OutboxStream stream;
    private final Clock clock;
    private final OutboxMetrics metrics;

    OutboxSends(KafkaTemplate<String, byte[]> kafka, OutboxProperties properties, OutboxStream stream, Clock clock,
                OutboxMetrics metrics) {
        this.kafka = kafka;
        this.properties = properties;
        this.stream = stream;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Sends without waiting; stops after a send that failed for a reason that may pass. */
    List<CompletableFuture<SendResult<String, byte[]>>> send(Document claimed) {
        String subject = String.valueOf(claimed.get(stream.subjectField()));
        String key = String.valueOf(claimed.get(stream.keyField()));
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Document entry : claimed.getList(PENDING, Document.class)) {
            try {
                sends.add(kafka.send(buildRecord(key, subject, entry)));
            } catch (RuntimeException e) { // e.g. no metadata for the topic within max.block.ms, or too large
                sends.add(CompletableFuture.failedFuture(e));
                if (!SendFailures.permanent(e)) {
                    break; // the rest would only overtake it
                }
            }
        }
        return sends;
    }

    /**
     * Awaits the document's sends in order: the acknowledged ones are to be removed, those that can never be sent
     * parked, and the first one that failed for a reason that may pass stops it (it and the ones behind it stay).
     */
    SendOutcome outcome(Document claimed, List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        List<Document> pending = claimed.getList(PENDING, Document.class);
        List<String> acknowledged = new ArrayList<>();
        List<Document> parked = new ArrayList<>();
        Date now = Date.from(clock.instant());
        for (int i = 0; i < sends.size(); i++) {
            Throwable failure = awaitAck(sends.get(i));
            if (failure == null) {
                acknowledged.add(pending.get(i).getString("id"));
                metrics.acknowledged(pending.get(i));
            } else if (SendFailures.permanent(failure)) {
                parked.add(OutboxParking.parked(pending.get(i), failure, now));
            } else {
                metrics.failed();
                log.warn("Broker did not acknowledge an event of {} {}; it stays in the outbox: {}", stream.name(),
                        claimed.get("_id"), failure.toString());
                break; // keep order: later events wait until this one is acknowledged
            }
        }
        return new SendOutcome(claimed, acknowledged, parked, pending.size());
    }

    /** Null once the broker acknowledged the send, else why it did not. */
    private Throwable awaitAck(CompletableFuture<SendResult<String, byte[]>> send) {
        try {
            send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return e;
        }
    }

    private ProducerRecord<String, byte[]> buildRecord(String key, String subject, Document entry) {
        try {
            return OutboxRecords.toRecord(stream.topic(), key, subject, entry);
        } catch (RuntimeException e) {
            throw new SendFailures.Unbuildable(e);
        }
    }
}
