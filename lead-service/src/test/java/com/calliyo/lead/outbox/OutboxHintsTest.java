package com.calliyo.lead.outbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxHintsTest {

    @Test
    void shouldHandOutInteractiveIdsBeforeBulkOnesQueuedEarlier() {
        OutboxHints hints = new OutboxHints(100);
        hints.add(List.of("import-1", "import-2", "import-3"), WriteLane.BULK);
        hints.add(List.of("conversion"), WriteLane.INTERACTIVE);

        assertThat(hints.take(2)).containsExactly("conversion", "import-1");
        assertThat(hints.take(10)).containsExactly("import-2", "import-3");
        assertThat(hints.isEmpty()).isTrue();
    }

    @Test
    void shouldAskForASweepWhenBothLanesTogetherOverflow() {
        OutboxHints hints = new OutboxHints(3);
        hints.takeSweepWish(); // the start-up sweep
        hints.add(List.of("a", "b"), WriteLane.BULK);
        assertThat(hints.takeSweepWish()).isFalse();

        hints.add(List.of("c", "d"), WriteLane.INTERACTIVE);

        assertThat(hints.takeSweepWish()).as("d did not fit: a sweep will find it").isTrue();
        assertThat(hints.take(10)).containsExactly("c", "a", "b");
    }

    @Test
    void shouldMakeRoomAgainOnceIdsAreTaken() {
        OutboxHints hints = new OutboxHints(2);
        hints.takeSweepWish();
        hints.add(List.of("a", "b"), WriteLane.BULK);
        hints.take(2);

        hints.add(List.of("c", "d"), WriteLane.INTERACTIVE);

        assertThat(hints.takeSweepWish()).isFalse();
        assertThat(hints.take(10)).containsExactly("c", "d");
    }
}
