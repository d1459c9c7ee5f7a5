package com.calliyo.lead.lead.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TimelinePageTest {

    private static final Instant T0 = Instant.parse("2026-05-11T03:30:00Z");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldCarryAShortTimelineWhole() {
        List<TimelineEntry> timeline = newestFirst(3, "called back");

        TimelinePage page = TimelinePage.of(timeline, json);

        assertThat(page.entries()).containsExactlyElementsOf(timeline);
        assertThat(page.truncated()).isFalse();
        assertThat(page.size()).isEqualTo(3);
    }

    @Test
    void shouldKeepOnlyTheNewestEntriesOfALongHistory() {
        List<TimelineEntry> timeline = newestFirst(5_000, "no answer");

        TimelinePage page = TimelinePage.of(timeline, json);

        assertThat(page.entries()).containsExactlyElementsOf(timeline.subList(0, TimelinePage.MAX_ENTRIES));
        assertThat(page.truncated()).isTrue();
        assertThat(page.size()).isEqualTo(5_000);
    }

    @Test
    void shouldStayUnderTheByteCapWhenNotesAreVeryLong() {
        // 5000 characters is the longest note the API takes; Devanagari is three bytes a character in UTF-8
        List<TimelineEntry> timeline = newestFirst(150, "क".repeat(5_000));

        TimelinePage page = TimelinePage.of(timeline, json);

        assertThat(json.writeValueAsBytes(page.entries()).length).isLessThanOrEqualTo(TimelinePage.MAX_BYTES);
        assertThat(page.entries()).hasSizeLessThan(150).isNotEmpty()
                .containsExactlyElementsOf(timeline.subList(0, page.entries().size()));
        assertThat(page.truncated()).isTrue();
        assertThat(page.size()).isEqualTo(150);
    }

    @Test
    void shouldStopAtTheFirstEntryThatDoesNotFitRatherThanSkipToOlderOnes() {
        List<TimelineEntry> timeline = new ArrayList<>(newestFirst(1, "x".repeat(900)));
        timeline.addAll(newestFirst(2, "short"));

        TimelinePage page = TimelinePage.of(timeline, 10, 500, json);

        assertThat(page.entries()).isEmpty();
        assertThat(page.truncated()).isTrue();
        assertThat(page.size()).isEqualTo(3);
    }

    @Test
    void shouldCountTheBytesOfTheWholeArray() {
        List<TimelineEntry> timeline = newestFirst(10, "some words about the call");
        int exactly = json.writeValueAsBytes(timeline.subList(0, 4)).length;

        TimelinePage page = TimelinePage.of(timeline, 100, exactly, json);

        assertThat(page.entries()).hasSize(4);
        assertThat(TimelinePage.of(timeline, 100, exactly - 1, json).entries()).hasSize(3);
    }

    private static List<TimelineEntry> newestFirst(int count, String text) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = count; i > 0; i--) {
            entries.add(new TimelineEntry("note-" + i + "-" + text.length(), TimelineEntryType.NOTE,
                    T0.plusSeconds(i), "u1", text, null, null, null, null));
        }
        return entries;
    }
}
