package com.calliyo.web.leads.imports;

import java.time.Instant;
import java.util.List;

/** A background import as its status resource shows it; the counts grow batch by batch while it runs. */
public record ImportJob(String id, String state, String fileName, Instant startedAt, Instant finishedAt,
                        int imported, int skippedDuplicates, int errors, List<ImportResult.RowError> rowErrors,
                        Boolean rowErrorsTruncated, String failure) {

    public ImportJob {
        rowErrors = rowErrors == null ? List.of() : List.copyOf(rowErrors);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }

    public int done() {
        return imported + skippedDuplicates + errors;
    }

    /** Percent of {@code rows} handled, 100 once finished; rows unknown (0) shows 0 until then. */
    public int percent(int rows) {
        if (!running()) {
            return 100;
        }
        return rows <= 0 ? 0 : Math.min(99, done() * 100 / rows);
    }
}
