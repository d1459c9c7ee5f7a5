package com.calliyo.lead.lead.imports;

/** Told the counts so far after every batch of an import; a background import stores them for its job. */
@FunctionalInterface
interface ImportProgress {

    ImportProgress NONE = soFar -> { };

    void batchDone(ImportSummary soFar);
}
