package com.calliyo.consumers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.calliyo.storeoutage.StoreOutages;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Applies one poll's records so that the error handler can treat exactly the bad record: every record before it is
 * applied (its offset then committed), and a {@link BatchListenerFailedException} names its index, so that record
 * alone is retried and then sent to the DLT, and the records after it come again with the next poll. A record that
 * cannot be read stops the batch there. When the bulk apply fails, the records are applied one by one to find the
 * one that fails (an unreachable store fails every record: then the first is named, and the handler waits for the
 * store instead of dead-lettering).
 * <p>
 * Spring Kafka observes only record listeners, so each record of the poll gets its own listener observation here,
 * as a record listener's would (same name and convention, its parent the trace in the record's headers): the trace
 * of a user's change still reaches every consumer. Each lasts while the poll is applied.
 *
 * @param <E> the decoded event
 */
public final class PollBatch<E> {

    private final Function<ConsumerRecord<String, byte[]>, Optional<E>> read;
    private final Consumer<List<E>> applyAll;
    private final Consumer<E> applyOne;
    private final ObservationRegistry observations;
    private final String groupId;

    /**
     * @param read         decodes a record; empty for one the listener ignores, an exception for one it cannot read
     * @param applyAll     applies a poll's events at once (e.g. one read and one bulk write)
     * @param applyOne     applies one event, to find the failing one when {@code applyAll} failed
     * @param observations where each record's listener observation goes ({@link ObservationRegistry#NOOP}: none)
     * @param groupId      the listener's consumer group, for the observations
     */
    public PollBatch(Function<ConsumerRecord<String, byte[]>, Optional<E>> read, Consumer<List<E>> applyAll,
                     Consumer<E> applyOne, ObservationRegistry observations, String groupId) {
        this.read = read;
        this.applyAll = applyAll;
        this.applyOne = applyOne;
        this.observations = observations;
        this.groupId = groupId;
    }

    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        List<Observation> received = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            received.add(KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                    DefaultKafkaListenerObservationConvention.INSTANCE,
                    () -> new KafkaRecordReceiverContext(record, groupId, null, groupId, () -> null),
                    observations).start());
        }
        try {
            applyPoll(records);
        } catch (RuntimeException e) {
            received.forEach(observation -> observation.error(e));
            throw e;
        } finally {
            received.forEach(Observation::stop);
        }
    }

    private void applyPoll(List<ConsumerRecord<String, byte[]>> records) {
        List<E> events = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        RuntimeException unreadable = null;
        int unreadableIndex = -1;
        for (int index = 0; index < records.size() && unreadable == null; index++) {
            try {
                Optional<E> event = read.apply(records.get(index));
                if (event.isPresent()) {
                    events.add(event.get());
                    indexes.add(index);
                }
            } catch (RuntimeException e) {
                unreadable = e;
                unreadableIndex = index;
            }
        }
        applyReadable(events, indexes);
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, unreadableIndex);
        }
    }

    private void applyReadable(List<E> events, List<Integer> indexes) {
        if (events.isEmpty()) {
            return;
        }
        try {
            applyAll.accept(events);
        } catch (RuntimeException bulkFailure) {
            if (StoreOutages.isOutage(bulkFailure)) {
                throw new BatchListenerFailedException(bulkFailure.getMessage(), bulkFailure, indexes.get(0));
            }
            for (int i = 0; i < events.size(); i++) {
                try {
                    applyOne.accept(events.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, indexes.get(i));
                }
            }
        }
    }
}
