package com.calliyo.lead.lead.events;

import java.util.ArrayList;
import java.util.List;

import com.calliyo.lead.events.TimelineEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newest part of a lead's timeline that a {@code lead.converted} carries, so the event stays far below the
 * broker's record limit (about 1 MB) however long the lead's history: at most {@code maxEntries} entries and
 * {@code maxBytes} of their JSON. It is always a prefix of the newest-first timeline (it stops at the first entry that
 * does not fit, rather than skipping it for older ones), so a consumer knows exactly which entries it lacks: the
 * {@code size - entries.size()} oldest. Consumers take those from the individual activity events.
 */
record TimelinePage(List<TimelineEntry> entries, boolean truncated, int size) {

    /** A day of heavy calling is well under this; a lead's whole recent story reads in one screen of it. */
    static final int MAX_ENTRIES = 200;

    /** A quarter of the broker's default record limit, leaving room for the snapshot and the CloudEvent headers. */
    static final int MAX_BYTES = 256 * 1024;

    static TimelinePage of(List<TimelineEntry> newestFirst, JsonMapper json) {
        return of(newestFirst, MAX_ENTRIES, MAX_BYTES, json);
    }

    static TimelinePage of(List<TimelineEntry> newestFirst, int maxEntries, int maxBytes, JsonMapper json) {
        List<TimelineEntry> page = new ArrayList<>(Math.min(newestFirst.size(), maxEntries));
        long bytes = 2; // the array's brackets
        for (TimelineEntry entry : newestFirst) {
            bytes += json.writeValueAsBytes(entry).length + (page.isEmpty() ? 0 : 1);
            if (page.size() == maxEntries || bytes > maxBytes) {
                break;
            }
            page.add(entry);
        }
        return new TimelinePage(List.copyOf(page), page.size() < newestFirst.size(), newestFirst.size());
    }
}
