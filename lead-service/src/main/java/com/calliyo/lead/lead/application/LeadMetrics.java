package com.calliyo.lead.lead.application;

import java.util.List;
import java.util.Locale;

import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.lead.domain.LeadChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The business counters of leads, counted once the write that makes them true has succeeded:
 * {@value #CAPTURED} (tagged {@code channel}: form, csv, webhook, api), {@value #CONVERTED}, {@value #UNCONVERTED}
 * and {@value #IMPORT_ROWS} (tagged {@code outcome}: imported, skipped, failed; counted per stored batch; dry runs
 * are not counted). Every
 * series is registered at start, so a dashboard's rate starts from 0 rather than from a missing series.
 */
@Component
public class LeadMetrics {

    static final String CAPTURED = "calliyo.leads.captured";
    static final String CONVERTED = "calliyo.leads.converted";
    static final String UNCONVERTED = "calliyo.leads.unconverted";
    static final String IMPORT_ROWS = "calliyo.imports.rows";

    private final MeterRegistry meters;
    private final Counter converted;
    private final Counter unconverted;

    LeadMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (CaptureChannel channel : CaptureChannel.values()) {
            captured(channel);
        }
        for (String outcome : List.of("imported", "skipped", "failed")) {
            importRows(outcome);
        }
        converted = Counter.builder(CONVERTED).description("Leads moved into a customer status").register(meters);
        unconverted = Counter.builder(UNCONVERTED).description("Customers moved back out of a customer status")
                .register(meters);
    }

    /** {@code count} leads that came through the channel were stored. */
    public void captured(CaptureChannel channel, long count) {
        captured(channel).increment(count);
    }

    /** A write with these changes was stored. */
    public void changed(List<LeadChange> changes) {
        for (LeadChange change : changes) {
            if (change instanceof LeadChange.Converted) {
                converted.increment();
            } else if (change instanceof LeadChange.Unconverted) {
                unconverted.increment();
            }
        }
    }

    /**
     * Counts one (not dry-run) import's rows as its batches are stored, not when it ends, so that
     * {@code sum(rate(calliyo_imports_rows_total[1m]))} reads a running import's rows per second.
     */
    public ImportRows importRows() {
        return new ImportRows();
    }

    /** One import's rows counted so far; each call counts only what was added since the previous one. */
    public final class ImportRows {

        private long imported;
        private long skipped;
        private long failed;

        /** The import's totals so far (they only grow). */
        public void soFar(long importedSoFar, long skippedSoFar, long failedSoFar) {
            importRows("imported").increment(importedSoFar - imported);
            importRows("skipped").increment(skippedSoFar - skipped);
            importRows("failed").increment(failedSoFar - failed);
            imported = importedSoFar;
            skipped = skippedSoFar;
            failed = failedSoFar;
        }
    }

    private Counter captured(CaptureChannel channel) {
        return Counter.builder(CAPTURED).description("Leads stored, by the channel they came through")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT)).register(meters);
    }

    private Counter importRows(String outcome) {
        return Counter.builder(IMPORT_ROWS).description("Rows of CSV imports, by outcome")
                .tag("outcome", outcome).register(meters);
    }
}
