package com.calliyo.consumers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.calliyo.storeoutage.StoreOutages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Applies one poll's records so that the error handler can treat exactly the bad record: every record before it is
 * applied (its offset then committed), and a {@link BatchListenerFailedException} names its index, so that record
 * alone is retried and then sent to the DLT, and the records after it come again with the next poll. A record that
 * cannot be read stops the batch there. When the bulk apply fails, the records are applied one by one to find the
 * one that fails (an unreachable store fails every record: then the first is named, and the handler waits for the
 * store instead of dead-lettering).
 *
 * @param <E> the decoded event
 */
public final class PollBatch<E> {

    private final Function<ConsumerRecord<String, byte[]>, Optional<E>> read;
    private final Consumer<List<E>> applyAll;
    private final Consumer<E> applyOne;

    /**
     * @param read     decodes a record; empty for one the listener ignores, an exception for one it cannot read
     * @param applyAll applies a poll's events at once (e.g. one read and one bulk write)
     * @param applyOne applies one event, to find the failing one when {@code applyAll} failed
     */
    public PollBatch(Function<ConsumerRecord<String, byte[]>, Optional<E>> read, Consumer<List<E>> applyAll,
                     Consumer<E> applyOne) {
        this.read = read;
        this.applyAll = applyAll;
        this.applyOne = applyOne;
    }

    public void apply(List<ConsumerRecord<String, byte[]>> records) {
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
