package com.calliyo.web.settings.configuration;

import java.time.Instant;

/** The record of a job's run (scheduled or Run Now), as lead-service keeps the last one. */
public record JobRun(String job, Instant ranAt, Integer assigned, Integer agents, Integer leftUnassigned, String summary,
                     String trigger, String triggeredBy) {
}
