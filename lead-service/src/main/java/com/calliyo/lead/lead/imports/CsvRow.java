package com.calliyo.lead.lead.imports;

/** One data row's known cells, trimmed (null when absent or blank); {@code number} counts data rows from 1. */
record CsvRow(long number, String firstName, String lastName, String phone, String email, String status,
              String tags, String source, String campaign) {

    /** A row with nothing in any known column, e.g. the ",,,," lines spreadsheets leave at the end; skipped. */
    boolean isBlank() {
        return firstName == null && lastName == null && phone == null && email == null && status == null
                && tags == null && source == null && campaign == null;
    }
}
