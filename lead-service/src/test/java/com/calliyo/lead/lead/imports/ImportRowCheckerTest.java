package com.calliyo.lead.lead.imports;

import java.util.List;

import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.LeadStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRowCheckerTest {

    static final List<LeadStatus> PIPELINE = List.of(
            new LeadStatus("s-un", "c1", "Unassigned", StatusKind.UNASSIGNED, true, 0),
            new LeadStatus("s-in", "c1", "Interested", StatusKind.OTHER, false, 1),
            new LeadStatus("s-cu", "c1", "Customer", StatusKind.CUSTOMER, true, 2));

    private final ImportRowChecker checker = new ImportRowChecker(new StatusLookup(PIPELINE), "IN", "import-1");

    static CsvRow row(String firstName, String phone, String email, String status, String tags) {
        return new CsvRow(7, firstName, null, phone, email, status, tags, null, null);
    }

    @Test
    void shouldNormaliseARowIntoACsvLeadOfThisImport() {
        ImportRowChecker.Checked checked = checker.check(row("Asha", "098765 43210", null, null, "vip; Hot,VIP"));

        assertThat(checked.error()).isNull();
        assertThat(checked.row().number()).isEqualTo(7);
        assertThat(checked.row().lead().phone()).isEqualTo("+919876543210");
        assertThat(checked.row().lead().tags()).containsExactly("vip", "Hot");
        assertThat(checked.row().lead().channel()).isEqualTo(CaptureChannel.CSV);
        assertThat(checked.row().lead().channelRef()).isEqualTo("import-1");
        assertThat(checked.row().status().name()).isEqualTo("Unassigned");
    }

    @Test
    void shouldFindTheStatusByNameInAnyCaseOrById() {
        assertThat(checker.check(row("Asha", "9876543210", null, "interested", null)).row().status().id())
                .isEqualTo("s-in");
        assertThat(checker.check(row("Asha", "9876543210", null, "s-cu", null)).row().status().name())
                .isEqualTo("Customer");
    }

    @Test
    void shouldWordRowErrorsWithTheColumnNames() {
        assertThat(checker.check(row(null, "9876543210", null, null, null)).error())
                .isEqualTo("FirstName is required");
        assertThat(checker.check(row("Asha", null, null, null, null)).error()).isEqualTo("Phone is required");
        assertThat(checker.check(row("Asha", "12345", null, null, null)).error())
                .isEqualTo("Phone is not a valid phone number");
        assertThat(checker.check(row("Asha", "9876543210", "asha@", null, null)).error())
                .isEqualTo("Email is not a valid email address");
        assertThat(checker.check(row("Asha", "9876543210", null, "Hot Lead", null)).error())
                .isEqualTo("Status 'Hot Lead' is not a status of this company");
        assertThat(checker.check(row("Asha", "9876543210", null, null, "x".repeat(51))).error())
                .isEqualTo("Tags must each be at most 50 characters");
    }
}
