package com.calliyo.lead.lead.imports;

import java.time.Instant;
import java.util.List;

/**
 * A background import as its caller polls it: {@code state} RUNNING, SUCCEEDED, FAILED (the file could not be
 * imported; {@code failure} says why) or INTERRUPTED (the instance running it stopped; the leads imported so far are
 * kept, and importing the file again skips them as duplicates). The counts grow batch by batch while it runs.
 */
public record ImportJob(String id, String state, boolean dryRun, String fileName, Instant startedAt,
                        Instant updatedAt, Instant finishedAt, long imported, long skippedDuplicates, long errors,
                        List<RowError> rowErrors, boolean rowErrorsTruncated, String failure) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";

    public ImportJob {
        rowErrors = rowErrors == null ? List.of() : List.copyOf(rowErrors);
    }
}
