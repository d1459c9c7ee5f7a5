package com.calliyo.web.leads.imports;

import java.util.List;

/** A (dry-run) import's counts and row errors; {@code row} counts data rows from 1, like the preview. */
public record ImportResult(int imported, int skippedDuplicates, int errors, List<RowError> rowErrors,
                           Boolean rowErrorsTruncated, Boolean dryRun) {

    public ImportResult {
        rowErrors = rowErrors == null ? List.of() : List.copyOf(rowErrors);
    }

    public record RowError(int row, String message) {
    }
}
