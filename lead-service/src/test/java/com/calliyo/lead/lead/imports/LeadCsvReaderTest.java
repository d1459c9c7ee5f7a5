package com.calliyo.lead.lead.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadCsvReaderTest {

    static List<CsvRow> read(byte[] content) {
        List<CsvRow> rows = new ArrayList<>();
        try (LeadCsvReader reader = LeadCsvReader.open(new ByteArrayInputStream(content))) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    static List<CsvRow> read(String content) {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldMatchHeadersCaseInsensitivelyInAnyOrderAndIgnoreOtherColumns() {
        List<CsvRow> rows = read("""
                PHONE,notes,firstname,Last Name,EMAIL,status,tags
                98765 43210,call after 6,Asha,Rao,asha@example.in,Interested,"hot,vip"
                """);

        assertThat(rows).containsExactly(new CsvRow(1, "Asha", "Rao", "98765 43210", "asha@example.in",
                "Interested", "hot,vip", null, null));
    }

    @Test
    void shouldNumberDataRowsFromOneSkippingBlankLinesAndReadShortRows() {
        List<CsvRow> rows = read("FirstName,Phone,Email\r\n\r\nAsha,9876543210\r\n  Ravi , 9876543211 ,\r\n");

        assertThat(rows).extracting(CsvRow::number, CsvRow::firstName, CsvRow::phone, CsvRow::email)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "Asha", "9876543210", null),
                        org.assertj.core.groups.Tuple.tuple(2L, "Ravi", "9876543211", null));
    }

    @Test
    void shouldReadAFileWithAByteOrderMarkAndQuotedNewlines() {
        List<CsvRow> rows = read("\uFEFFFirstName,Phone,LastName\n\"Asha\",\"9876543210\",\"Rao\nKumar\"\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.firstName()).isEqualTo("Asha");
            assertThat(row.lastName()).isEqualTo("Rao\nKumar");
        });
    }

    @Test
    void shouldTreatARowWithOnlyEmptyKnownCellsAsBlank() {
        List<CsvRow> rows = read("FirstName,Phone,Notes\n,,something\n");

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.isBlank()).isTrue());
    }

    @Test
    void shouldSayWhichRequiredHeaderIsMissing() {
        assertThatThrownBy(() -> read("firstname,mobile\nAsha,9876543210\n"))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessageContaining("no Phone column").hasMessageContaining("'mobile'");
        assertThatThrownBy(() -> read("Asha,9876543210\n"))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessageContaining("no FirstName and Phone column");
    }

    @Test
    void shouldRefuseAHeaderThatNamesAColumnTwice() {
        assertThatThrownBy(() -> read("FirstName,Phone,phone\n"))
                .isInstanceOf(MalformedCsvException.class).hasMessageContaining("Phone twice");
    }

    @Test
    void shouldRefuseAnEmptyFileOrOneWithoutAHeader() {
        assertThatThrownBy(() -> read("")).isInstanceOf(MalformedCsvException.class)
                .hasMessage("The file is empty");
        assertThatThrownBy(() -> read("\n\r\n\n")).isInstanceOf(MalformedCsvException.class)
                .hasMessage("The file has no header row");
    }

    @Test
    void shouldRefuseUnbalancedQuotesNamingTheLine() {
        assertThatThrownBy(() -> read("FirstName,Phone\nAsha,9876543210\n\"Ravi,9876543211\n"))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessageContaining("not valid CSV").hasMessageContaining("startline 3");
        assertThatThrownBy(() -> read("FirstName,Phone\n\"Asha\"x,9876543210\n"))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessageContaining("not valid CSV").hasMessageContaining("line: 2");
    }

    @Test
    void shouldRefuseBinaryContent() {
        byte[] notUtf8 = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'};
        assertThatThrownBy(() -> read(notUtf8)).isInstanceOf(MalformedCsvException.class)
                .hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> read("FirstName,Phone\nAs\u0000ha,98765\n"))
                .isInstanceOf(MalformedCsvException.class)
                .hasMessageContaining("binary data");
    }
}
