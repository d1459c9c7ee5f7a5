package com.calliyo.lead.lead.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.calliyo.lead.caller.Caller;

/**
 * One pass over an import's rows. Rows are checked one by one; a phone seen earlier in the file is a skipped
 * duplicate (the first row wins); the others gather into batches, and each batch is checked against the company's
 * leads with one query and then written (or, in a dry run, only counted). Only the file's distinct phones are kept
 * across batches.
 */
final class ImportRun {

    private final Caller caller;
    private final boolean dryRun;
    private final ImportRowChecker checker;
    private final ImportBatchWriter writer;
    private final int batchSize;
    private final ImportTally tally;
    private final ImportProgress progress;
    private final Set<String> phonesInFile = new HashSet<>();
    private final List<ImportRowChecker.ValidRow> batch = new ArrayList<>();

    ImportRun(Caller caller, boolean dryRun, ImportRowChecker checker, ImportBatchWriter writer, int batchSize,
              ImportTally tally) {
        this(caller, dryRun, checker, writer, batchSize, tally, ImportProgress.NONE);
    }

    ImportRun(Caller caller, boolean dryRun, ImportRowChecker checker, ImportBatchWriter writer, int batchSize,
              ImportTally tally, ImportProgress progress) {
        this.caller = caller;
        this.dryRun = dryRun;
        this.checker = checker;
        this.writer = writer;
        this.batchSize = batchSize;
        this.tally = tally;
        this.progress = progress;
    }

    void accept(CsvRow row) {
        if (row.isBlank()) {
            return;
        }
        ImportRowChecker.Checked checked = checker.check(row);
        if (checked.error() != null) {
            tally.error(row.number(), checked.error());
            return;
        }
        if (!phonesInFile.add(checked.row().lead().phone())) {
            tally.skippedDuplicates(1);
            return;
        }
        batch.add(checked.row());
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    void finish() {
        flush();
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> taken = writer.phonesTaken(caller.companyId(),
                batch.stream().map(row -> row.lead().phone()).toList());
        List<ImportRowChecker.ValidRow> fresh = batch.stream()
                .filter(row -> !taken.contains(row.lead().phone()))
                .toList();
        tally.skippedDuplicates(batch.size() - (long) fresh.size());
        if (dryRun) {
            tally.imported(fresh.size());
        } else if (!fresh.isEmpty()) {
            int stored = writer.write(caller, fresh);
            tally.imported(stored);
            tally.skippedDuplicates(fresh.size() - (long) stored);
        }
        batch.clear();
        progress.batchDone(tally.summary(dryRun, null));
    }
}
