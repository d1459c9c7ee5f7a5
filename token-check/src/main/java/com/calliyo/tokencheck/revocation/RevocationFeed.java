package com.calliyo.tokencheck.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.calliyo.lead.events.CompanyEvent;
import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.LeadEventDecodingException;
import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.events.UserChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;

/**
 * Feeds {@link RevokedAccess} from {@code crm.company.events}. Every process reads every partition in a consumer
 * group of its own (a revocation must reach all instances, not one of them), starts {@code lookback} back in time so
 * it knows every revocation that can still void a live token, and commits nothing. A record it cannot read is logged
 * and skipped: the services' own listeners dead-letter it, and one bad record must not stop revocations.
 */
public class RevocationFeed implements MessageListener<String, byte[]>, ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final CompanyEventReader reader;
    private final RevokedAccess revoked;
    private final Duration lookback;
    private final Clock clock;
    private volatile Instant nextPrune;

    public RevocationFeed(CompanyEventReader reader, RevokedAccess revoked, Duration lookback, Clock clock) {
        this.reader = reader;
        this.revoked = revoked;
        this.lookback = lookback;
        this.clock = clock;
        this.nextPrune = clock.instant().plus(PRUNE_EVERY);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), clock.instant().minus(lookback).toEpochMilli());
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        try {
            reader.read(record).ifPresent(this::apply);
        } catch (LeadEventDecodingException | IllegalArgumentException e) {
            log.warn("Skipping unreadable company event at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
        pruneNowAndThen();
    }

    private void apply(CompanyEvent event) {
        if (event instanceof UserChanged change) {
            revoked.apply(change);
        } else if (event instanceof SessionEnded ended) {
            revoked.apply(ended);
        }
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (now.isAfter(nextPrune)) {
            nextPrune = now.plus(PRUNE_EVERY);
            revoked.forgetOlderThanLookback();
        }
    }
}
