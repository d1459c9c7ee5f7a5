package com.calliyo.reporting.facts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewestPerIdTest {

    record Fact(String id, long version, String tag) {
    }

    @Test
    void shouldKeepEachIdsNewestFactWhateverTheOrderTheyCameIn() {
        List<Fact> poll = List.of(new Fact("a", 1, "a1"), new Fact("b", 4, "b4"), new Fact("a", 3, "a3"),
                new Fact("b", 2, "b2"), new Fact("a", 2, "a2"));

        assertThat(NewestPerId.of(poll, Fact::id, Fact::version)).extracting(Fact::tag).containsExactly("a3", "b4");
    }

    @Test
    void shouldKeepTheLastOfOneVersionAsTheGuardWritesTheSameVersionAgain() {
        List<Fact> poll = List.of(new Fact("a", 2, "first"), new Fact("a", 2, "redelivered"), new Fact("a", 1, "old"));

        assertThat(NewestPerId.of(poll, Fact::id, Fact::version)).extracting(Fact::tag)
                .containsExactly("redelivered");
    }
}
