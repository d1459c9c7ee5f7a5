package com.calliyo.order.store;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewestPerIdTest {

    record Event(String id, long version, String tag) {
    }

    @Test
    void shouldKeepEachIdsNewestEventWhateverTheOrderTheyCameIn() {
        List<Event> poll = List.of(new Event("a", 1, "a1"), new Event("b", 4, "b4"), new Event("a", 3, "a3"),
                new Event("b", 2, "b2"), new Event("a", 2, "a2"));

        assertThat(NewestPerId.of(poll, Event::id, Event::version)).extracting(Event::tag)
                .containsExactly("a3", "b4");
    }

    @Test
    void shouldKeepTheFirstOfDuplicatesAsTheVersionGuardSkipsTheSameVersion() {
        List<Event> poll = List.of(new Event("a", 2, "first"), new Event("a", 2, "redelivered"));

        assertThat(NewestPerId.of(poll, Event::id, Event::version)).extracting(Event::tag).containsExactly("first");
    }

    @Test
    void shouldGiveNothingForAnEmptyPoll() {
        assertThat(NewestPerId.of(List.<Event>of(), Event::id, Event::version)).isEmpty();
    }
}
