package com.calliyo.lead.outbox;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxInFlightTest {

    private final OutboxInFlight inFlight = new OutboxInFlight();

    @Test
    void shouldReserveEachFreeIdOnceInTheOrderGiven() {
        assertThat(inFlight.reserve(List.of("a", "b", "a", "c"), WriteLane.BULK)).containsExactly("a", "b", "c");
        assertThat(inFlight.release(List.of("a", "b", "c"))).as("nobody waited").isEmpty();
    }

    @Test
    void shouldHandAnIdThatMetAHoldBackWhenTheHolderReleasesIt() {
        inFlight.reserve(List.of("a", "b"), WriteLane.BULK);

        assertThat(inFlight.reserve(List.of("b", "c"), WriteLane.INTERACTIVE)).containsExactly("c");
        assertThat(inFlight.reserve(List.of("b"), WriteLane.INTERACTIVE)).as("still held").isEmpty();

        assertThat(inFlight.release(List.of("a", "b"))).isEqualTo(Map.of(WriteLane.INTERACTIVE, List.of("b")));
        assertThat(inFlight.reserve(List.of("b"), WriteLane.INTERACTIVE)).as("free again").containsExactly("b");
    }

    @Test
    void shouldHandBackInTheInteractiveLaneWhenBothLanesWaited() {
        inFlight.reserve(List.of("a"), WriteLane.BULK);
        inFlight.reserve(List.of("a"), WriteLane.INTERACTIVE);
        inFlight.reserve(List.of("a"), WriteLane.BULK); // e.g. a sweep's find

        assertThat(inFlight.release(List.of("a"))).isEqualTo(Map.of(WriteLane.INTERACTIVE, List.of("a")));
        assertThat(inFlight.release(List.of("a"))).as("handed back once").isEmpty();
    }
}
