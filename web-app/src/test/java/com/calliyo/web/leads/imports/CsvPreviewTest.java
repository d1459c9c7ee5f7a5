package com.calliyo.web.leads.imports;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvPreviewTest {

    @Test
    void shouldMapHeadersLikeLeadServiceAndShowTheFirstTwentyRows() {
        StringBuilder csv = new StringBuilder("\uFEFFfirst_name,PHONE,Last-Name,Notes\r\n");
        for (int i = 1; i <= 25; i++) {
            csv.append("Lead ").append(i).append(",+9198765432").append(String.format("%02d", i)).append(",,\r\n");
        }
        csv.append(",,,\r\n");

        CsvPreview preview = CsvPreview.of(csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(preview.columns()).extracting(CsvPreview.Column::field)
                .containsExactly("First name", "Phone", "Last name", null);
        assertThat(preview.rows()).hasSize(20);
        assertThat(preview.totalRows()).isEqualTo(25);
        assertThat(preview.missingRequired()).isEmpty();
    }

    @Test
    void shouldReadQuotedCellsAndNameMissingRequiredColumns() {
        CsvPreview preview = CsvPreview.of("Name,Email\n\"Rao, Ravi\",\"a \"\"b\"\"\nc\"\n".getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows()).singleElement().satisfies(row ->
                assertThat(row).containsExactly("Rao, Ravi", "a \"b\"\nc"));
        assertThat(preview.missingRequired()).containsExactly("First name", "Phone");
    }
}
