package com.calliyo.consumers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which records a batch applies, and which one it names to the error handler. */
class PollBatchTest {

    private final List<List<String>> bulks = new ArrayList<>();
    private final List<String> singles = new ArrayList<>();
    /** The observations stopped, in the order they stopped. */
    private final List<Observation.Context> observed = new ArrayList<>();
    private final ObservationRegistry observations = ObservationRegistry.create();

    PollBatchTest() {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observed.add(context);
            }
        });
    }

    @Test
    void shouldApplyTheWholePollInOneBulkAndSkipUnknownTypes() {
        batch(null).apply(records("a", "skip", "b"));

        assertThat(bulks).containsExactly(List.of("a", "b"));
        assertThat(singles).isEmpty();
    }

    @Test
    void shouldApplyTheRecordsBeforeAnUnreadableOneAndNameItsIndex() {
        assertThatThrownBy(() -> batch(null).apply(records("a", "skip", "bad", "c")))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasRootCauseMessage("unreadable bad");

        assertThat(bulks).containsExactly(List.of("a"));
    }

    @Test
    void shouldFindTheRecordThatFailsOneByOneWhenTheBulkFails() {
        assertThatThrownBy(() -> batch("c").apply(records("a", "skip", "c", "d")))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(2));

        assertThat(singles).as("applied one by one up to the failing one").containsExactly("a");
    }

    @Test
    void shouldNameTheFirstRecordWhenTheStoreIsDownSoTheHandlerWaits() {
        PollBatch<String> batch = new PollBatch<>(PollBatchTest::read,
                events -> {
                    throw new MongoSocketException("down", new ServerAddress());
                }, singles::add, ObservationRegistry.NOOP, "a-service");

        assertThatThrownBy(() -> batch.apply(records("skip", "a", "b")))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(singles).isEmpty();
    }

    private PollBatch<String> batch(String failing) {
        return new PollBatch<>(PollBatchTest::read, events -> {
            if (events.contains(failing)) {
                throw new IllegalArgumentException("cannot apply " + failing);
            }
            bulks.add(List.copyOf(events));
        }, event -> {
            if (event.equals(failing)) {
                throw new IllegalArgumentException("cannot apply " + failing);
            }
            singles.add(event);
        }, observations, "a-service");
    }

    @Test
    void shouldObserveEveryRecordOfThePollAsAListenerUnderItsTopicAndGroup() {
        batch("none").apply(records("a", "b", "c"));

        assertThat(observed).hasSize(3).allSatisfy(context -> {
            assertThat(context).isInstanceOf(KafkaRecordReceiverContext.class);
            KafkaRecordReceiverContext received = (KafkaRecordReceiverContext) context;
            assertThat(received.getName()).isEqualTo("spring.kafka.listener");
            assertThat(received.getContextualName()).isEqualTo("crm.lead.events process");
            assertThat(received.getGroupId()).isEqualTo("a-service");
            assertThat(received.getError()).isNull();
        });
        assertThat(observed).extracting(context -> ((KafkaRecordReceiverContext) context).getOffset())
                .containsExactly("0", "1", "2");
    }

    @Test
    void shouldMarkEveryRecordsObservationWithTheFailureOfThePoll() {
        assertThatThrownBy(() -> batch("b").apply(records("a", "bad")))
                .isInstanceOf(BatchListenerFailedException.class);

        assertThat(observed).hasSize(2).allSatisfy(context -> assertThat(context.getError()).isNotNull());
    }

    private static Optional<String> read(ConsumerRecord<String, byte[]> record) {
        String value = new String(record.value());
        if (value.equals("bad")) {
            throw new IllegalStateException("unreadable bad");
        }
        return value.equals("skip") ? Optional.empty() : Optional.of(value);
    }

    private static List<ConsumerRecord<String, byte[]>> records(String... values) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("crm.lead.events", 0, i, "key", values[i].getBytes()));
        }
        return records;
    }
}
