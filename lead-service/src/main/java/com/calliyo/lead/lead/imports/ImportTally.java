package com.calliyo.lead.lead.imports;

import java.util.ArrayList;
import java.util.List;

/** Counts an import's outcomes as rows go by, keeping only the first {@code maxRowErrors} error messages. */
final class ImportTally {

    private final int maxRowErrors;
    private final List<RowError> rowErrors = new ArrayList<>();
    private long imported;
    private long skippedDuplicates;
    private long errors;

    ImportTally(int maxRowErrors) {
        this.maxRowErrors = maxRowErrors;
    }

    void imported(long count) {
        imported += count;
    }

    void skippedDuplicates(long count) {
        skippedDuplicates += count;
    }

    void error(long row, String message) {
        errors++;
        if (rowErrors.size() < maxRowErrors) {
            rowErrors.add(new RowError(row, message));
        }
    }

    ImportSummary summary(boolean dryRun, String importId) {
        return new ImportSummary(imported, skippedDuplicates, errors, rowErrors, errors > rowErrors.size(), dryRun,
                importId);
    }
}
