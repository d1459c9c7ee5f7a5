package com.calliyo.lead.lead.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadMetricsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final LeadMetrics metrics = new LeadMetrics(meters);

    @Test
    void shouldCountAnImportsRowsBatchByBatchWithoutCountingARowTwice() {
        LeadMetrics.ImportRows first = metrics.importRows();
        first.soFar(500, 3, 1);
        assertThat(rows("imported")).as("counted while the import runs").isEqualTo(500);

        first.soFar(1000, 3, 4);
        first.soFar(1000, 3, 4); // the end of the import repeats the last batch's totals
        LeadMetrics.ImportRows second = metrics.importRows();
        second.soFar(20, 0, 0);

        assertThat(rows("imported")).isEqualTo(1020);
        assertThat(rows("skipped")).isEqualTo(3);
        assertThat(rows("failed")).isEqualTo(4);
    }

    private double rows(String outcome) {
        return meters.get(LeadMetrics.IMPORT_ROWS).tag("outcome", outcome).counter().count();
    }
}
