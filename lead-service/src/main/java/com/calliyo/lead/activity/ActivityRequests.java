package com.calliyo.lead.activity;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the activity endpoints; field errors are answered as 400 naming the field. */
final class ActivityRequests {

    static final int MAX_TEXT = 5000;
    /** A day: longer is a typing error, not a call. */
    static final int MAX_CALL_SECONDS = 86_400;

    private ActivityRequests() {
    }

    record LogCallRequest(
            @NotNull
            @Pattern(regexp = "CALLED|BUSY|NO_ANSWER|MISSED|IN_PROGRESS|FOLLOW_UP|RESCHEDULED",
                    message = "must be one of CALLED, BUSY, NO_ANSWER, MISSED, IN_PROGRESS, FOLLOW_UP, RESCHEDULED")
            String callStatus,
            @NotNull @Min(0) @Max(MAX_CALL_SECONDS) Integer durationSeconds,
            @Size(max = MAX_TEXT) String note,
            Instant startedAt,
            Instant followUpAt) {
    }

    record ScheduleFollowUpRequest(@NotNull Instant scheduledAt, @Size(max = MAX_TEXT) String note) {
    }

    record AddNoteRequest(@NotBlank @Size(max = MAX_TEXT) String text) {
    }

    /** Blank optional text is no text. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
