package com.calliyo.lead.lead.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.config.LeadServiceProperties;
import com.calliyo.lead.lead.application.LeadMetrics;
import com.calliyo.lead.status.StatusCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Imports leads from a CSV file (see {@link LeadCsvReader} for the format and {@link ImportRun} for the counting),
 * streaming it so that a 10 MB file needs only a batch of rows in memory. A real import first reads the whole file
 * once without writing, so that a file found malformed half-way leaves nothing half-imported; a dry run writes
 * nothing at all and answers the same counts and row errors.
 */
@Service
public class ImportLeads {

    private static final Logger log = LoggerFactory.getLogger(ImportLeads.class);

    private final StatusCatalog statuses;
    private final ImportBatchWriter writer;
    private final ImportProperties properties;
    private final LeadServiceProperties leadProperties;
    private final LeadMetrics metrics;

    ImportLeads(StatusCatalog statuses, ImportBatchWriter writer, ImportProperties properties,
                LeadServiceProperties leadProperties, LeadMetrics metrics) {
        this.statuses = statuses;
        this.writer = writer;
        this.properties = properties;
        this.leadProperties = leadProperties;
        this.metrics = metrics;
    }

    /** Admins and managers import; API keys are limited by their scopes at the security layer instead. */
    public void checkAllowed(Caller caller) {
        if (!caller.isApiKey() && caller.role() != Role.ADMIN && caller.role() != Role.MANAGER) {
            throw new ImportNotAllowedException();
        }
    }

    /**
     * @throws MalformedCsvException     when the file cannot be read as a CSV of leads (nothing is written)
     * @throws ImportNotAllowedException for an agent
     */
    public ImportSummary importCsv(Caller caller, InputStreamSource file, boolean dryRun) {
        checkAllowed(caller);
        if (!dryRun) {
            readThrough(file);
        }
        return run(caller, file, dryRun, dryRun ? null : UUID.randomUUID().toString(), ImportProgress.NONE);
    }

    /** Imports a file already read through once (for a real import), telling {@code progress} after each batch. */
    ImportSummary run(Caller caller, InputStreamSource file, boolean dryRun, String importId,
                      ImportProgress progress) {
        long started = System.nanoTime();
        StatusLookup pipeline = new StatusLookup(statuses.pipeline(caller.companyId()));
        ImportTally tally = new ImportTally(properties.maxRowErrors());
        LeadMetrics.ImportRows counted = metrics.importRows();
        ImportProgress batches = dryRun ? progress : soFar -> {
            count(counted, soFar);
            progress.batchDone(soFar);
        };
        ImportRun run = new ImportRun(caller, dryRun,
                new ImportRowChecker(pipeline, leadProperties.defaultPhoneRegion(), importId), writer,
                properties.batchSize(), tally, batches);
        try (LeadCsvReader rows = LeadCsvReader.open(open(file))) {
            rows.forEachRemaining(run::accept);
        }
        run.finish();
        ImportSummary summary = tally.summary(dryRun, importId);
        if (!dryRun) {
            count(counted, summary); // the row errors after the last stored batch
        }
        log.info("{} {} of company {}: {} imported, {} duplicates skipped, {} row errors in {} ms",
                dryRun ? "Dry run" : "Import", importId == null ? "" : importId, caller.companyId(),
                summary.imported(), summary.skippedDuplicates(), summary.errors(),
                (System.nanoTime() - started) / 1_000_000);
        return summary;
    }

    private static void count(LeadMetrics.ImportRows counted, ImportSummary soFar) {
        counted.soFar(soFar.imported(), soFar.skippedDuplicates(), soFar.errors());
    }

    static void readThrough(InputStreamSource file) {
        try (LeadCsvReader rows = LeadCsvReader.open(open(file))) {
            rows.forEachRemaining(row -> { });
        }
    }

    private static InputStream open(InputStreamSource file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
    }
}
