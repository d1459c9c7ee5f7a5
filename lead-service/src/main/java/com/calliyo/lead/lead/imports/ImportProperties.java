package com.calliyo.lead.lead.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CSV import tuning: how many rows are checked against the company and written per insertMany, and how many row
 * errors a summary lists (all are counted).
 */
@ConfigurationProperties("lead.imports")
public record ImportProperties(int batchSize, int maxRowErrors) {

    public ImportProperties {
        batchSize = batchSize <= 0 ? 500 : batchSize;
        maxRowErrors = maxRowErrors <= 0 ? 1000 : maxRowErrors;
    }
}
