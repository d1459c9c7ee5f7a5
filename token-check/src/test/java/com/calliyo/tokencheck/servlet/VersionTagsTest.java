package com.calliyo.tokencheck.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTagsTest {

    @Test
    void shouldWriteAVersionAsAStrongTagAndReadItBack() {
        assertThat(VersionTags.of(7)).isEqualTo("\"7\"");
        assertThat(VersionTags.ifMatch(VersionTags.of(7))).isEqualTo(7L);
        assertThat(VersionTags.ifMatch(" W/\"12\" ")).isEqualTo(12L);
    }

    @Test
    void shouldLetAbsentOrStarMatchAnyVersion() {
        assertThat(VersionTags.ifMatch(null)).isNull();
        assertThat(VersionTags.ifMatch("  ")).isNull();
        assertThat(VersionTags.ifMatch("*")).isNull();
    }

    @Test
    void shouldNeverMatchAnUnreadableTag() {
        for (String unreadable : new String[] {"7", "\"\"", "\"seven\"", "\"7", "\"1\", \"2\""}) {
            assertThat(VersionTags.ifMatch(unreadable)).as(unreadable).isEqualTo(VersionTags.NEVER);
        }
    }
}
