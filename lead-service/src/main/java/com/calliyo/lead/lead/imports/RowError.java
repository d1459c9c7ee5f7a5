package com.calliyo.lead.lead.imports;

/** Why one data row was not imported; {@code row} counts data rows from 1 (the header is not a row). */
public record RowError(long row, String message) {
}
