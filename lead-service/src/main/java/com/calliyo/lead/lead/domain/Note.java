package com.calliyo.lead.lead.domain;

import java.time.Instant;

/** A note on the lead's timeline: context only, never a status change or a due date (spec F8). */
public record Note(String id, String text, String createdBy, Instant createdAt) {

    public static Note written(String text, String createdBy, Instant createdAt) {
        return new Note(ActivityIds.random(), text, createdBy, createdAt);
    }
}
