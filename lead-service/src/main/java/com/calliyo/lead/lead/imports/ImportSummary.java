package com.calliyo.lead.lead.imports;

import java.util.List;

/**
 * The outcome of an import or its dry run: leads imported (or that would be), rows skipped because the phone already
 * exists in the company or earlier in the file, and rows with errors. {@code rowErrors} lists the first errors only
 * ({@code rowErrorsTruncated} says when there were more); {@code importId} is the channel reference stored on every
 * imported lead (null for a dry run).
 */
public record ImportSummary(long imported, long skippedDuplicates, long errors, List<RowError> rowErrors,
                            boolean rowErrorsTruncated, boolean dryRun, String importId) {

    public ImportSummary {
        rowErrors = List.copyOf(rowErrors);
    }
}
