package com.calliyo.lead.lead.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CSV import tuning: how many rows are checked against the company and written per insertMany, how many row errors a
 * summary lists (all are counted), how many background imports run at once and wait in line, and after how long
 * without progress a running background import counts as interrupted.
 */
@ConfigurationProperties("lead.imports")
public record ImportProperties(int batchSize, int maxRowErrors, int backgroundThreads, int backgroundQueue,
                               Duration staleAfter) {

    public ImportProperties {
        batchSize = batchSize <= 0 ? 500 : batchSize;
        maxRowErrors = maxRowErrors <= 0 ? 1000 : maxRowErrors;
        backgroundThreads = backgroundThreads <= 0 ? 1 : backgroundThreads;
        backgroundQueue = backgroundQueue <= 0 ? 8 : backgroundQueue;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
    }
}
