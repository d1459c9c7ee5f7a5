package com.calliyo.lead.lead.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRunTest {

    /** Stands in for the store: the company already has one phone; the last write loses one race. */
    static class FakeWriter extends ImportBatchWriter {

        final List<List<String>> writtenBatches = new ArrayList<>();
        int racesToLose;

        FakeWriter() {
            super(null, null, null, null, null);
        }

        @Override
        Set<String> phonesTaken(String companyId, Collection<String> phones) {
            return phones.contains("+919876500000") ? Set.of("+919876500000") : Set.of();
        }

        @Override
        int write(Caller caller, List<ImportRowChecker.ValidRow> rows) {
            writtenBatches.add(rows.stream().map(row -> row.lead().phone()).toList());
            int lost = Math.min(racesToLose, rows.size());
            racesToLose -= lost;
            return rows.size() - lost;
        }
    }

    private final FakeWriter writer = new FakeWriter();
    private final ImportTally tally = new ImportTally(2);
    private final ImportRowChecker checker = new ImportRowChecker(new StatusLookup(ImportRowCheckerTest.PIPELINE),
            "IN", "import-1");

    private ImportRun run(boolean dryRun) {
        return new ImportRun(new Caller("c1", "u1", Role.ADMIN), dryRun, checker, writer, 2, tally);
    }

    private static CsvRow row(long number, String phone) {
        return new CsvRow(number, "Lead" + number, null, phone, null, null, null, null, null);
    }

    @Test
    void shouldSkipDuplicatesInTheFileAndAgainstTheCompanyFirstRowWinning() {
        ImportRun run = run(false);

        run.accept(row(1, "9876500001"));
        run.accept(row(2, "+91 98765 00001"));   // same as row 1
        run.accept(row(3, "9876500000"));        // the company has it
        run.accept(row(4, "9876500002"));
        run.accept(row(5, "not a phone"));
        run.accept(new CsvRow(6, null, null, null, null, null, null, null, null)); // blank: not counted
        run.finish();

        ImportSummary summary = tally.summary(false, "import-1");
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.skippedDuplicates()).isEqualTo(2);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.rowErrors()).containsExactly(new RowError(5, "Phone is not a valid phone number"));
        assertThat(writer.writtenBatches).containsExactly(List.of("+919876500001"), List.of("+919876500002"));
    }

    @Test
    void shouldCountWithoutWritingInADryRun() {
        ImportRun run = run(true);

        run.accept(row(1, "9876500001"));
        run.accept(row(2, "9876500000"));
        run.accept(row(3, "9876500001"));
        run.finish();

        assertThat(writer.writtenBatches).isEmpty();
        assertThat(tally.summary(true, null)).extracting(ImportSummary::imported, ImportSummary::skippedDuplicates)
                .containsExactly(1L, 2L);
    }

    @Test
    void shouldCountALeadThatLostARaceForItsPhoneAsADuplicate() {
        writer.racesToLose = 1;
        ImportRun run = run(false);

        run.accept(row(1, "9876500001"));
        run.accept(row(2, "9876500002"));
        run.finish();

        assertThat(tally.summary(false, "i")).extracting(ImportSummary::imported, ImportSummary::skippedDuplicates)
                .containsExactly(1L, 1L);
    }

    @Test
    void shouldCountEveryErrorButListOnlyTheFirstOnes() {
        ImportRun run = run(false);

        for (int i = 1; i <= 5; i++) {
            run.accept(row(i, "bad"));
        }
        run.finish();

        ImportSummary summary = tally.summary(false, "i");
        assertThat(summary.errors()).isEqualTo(5);
        assertThat(summary.rowErrors()).extracting(RowError::row).containsExactly(1L, 2L);
        assertThat(summary.rowErrorsTruncated()).isTrue();
    }
}
