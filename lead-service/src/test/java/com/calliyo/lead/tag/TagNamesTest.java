package com.calliyo.lead.tag;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TagNamesTest {

    @Test
    void shouldTrimCollapseAndDropEmptyTags() {
        assertThat(TagNames.normalise(List.of("  hot ", "", "   ", "big\t  deal"))).containsExactly("hot", "big deal");
    }

    @Test
    void shouldKeepTheFirstSpellingWhenTagsDifferOnlyInCase() {
        assertThat(TagNames.normalise(List.of("VIP", "vip", " Vip ", "Hot", "HOT"))).containsExactly("VIP", "Hot");
    }

    @Test
    void shouldIgnoreNullTags() {
        assertThat(TagNames.normalise(Arrays.asList("a", null, "b"))).containsExactly("a", "b");
    }

    @Test
    void shouldGiveOneKeyToEverySpellingOfATag() {
        assertThat(TagNames.key(" Big  Deal ")).isEqualTo(TagNames.key("big deal")).isEqualTo("big deal");
    }

    @Test
    void shouldSplitACsvCellOnCommasAndSemicolons() {
        assertThat(TagNames.split("hot, vip;Diwali ;;HOT")).containsExactly("hot", "vip", "Diwali");
    }

    @Test
    void shouldSplitABlankCellIntoNoTags() {
        assertThat(TagNames.split(null)).isEmpty();
        assertThat(TagNames.split(" ; , ")).isEmpty();
    }
}
