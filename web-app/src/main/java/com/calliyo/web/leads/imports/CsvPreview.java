package com.calliyo.web.leads.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first rows of a CSV as the preview shows them, with each column's mapping to a lead field matched the way
 * lead-service matches headers (case-insensitive, spaces, {@code _} and {@code -} ignored). Only for showing:
 * lead-service's dry run is what decides which rows are good.
 */
public record CsvPreview(List<Column> columns, List<List<String>> rows, int totalRows) {

    static final int ROWS_SHOWN = 20;

    private static final Map<String, String> FIELDS = Map.of("firstname", "First name", "lastname", "Last name",
            "phone", "Phone", "email", "Email", "status", "Status", "tags", "Tags", "source", "Source",
            "campaign", "Campaign");

    /** @param field the lead field it fills, or null when lead-service ignores the column */
    public record Column(String header, String field) {
    }

    static CsvPreview of(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = CsvRecords.parse(text);
        if (records.isEmpty()) {
            return new CsvPreview(List.of(), List.of(), 0);
        }
        List<Column> columns = records.get(0).stream()
                .map(header -> new Column(header, FIELDS.get(normalise(header)))).toList();
        List<List<String>> data = records.subList(1, records.size()).stream()
                .filter(row -> row.stream().anyMatch(cell -> !cell.isBlank())).toList();
        return new CsvPreview(columns, new ArrayList<>(data.subList(0, Math.min(ROWS_SHOWN, data.size()))),
                data.size());
    }

    /** The required columns the file does not have, in the product's words. */
    public List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        for (String required : List.of("First name", "Phone")) {
            if (columns.stream().noneMatch(column -> required.equals(column.field()))) {
                missing.add(required);
            }
        }
        return missing;
    }

    /** The cell of {@code row} under {@code column}, blank where the row is short. */
    public String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }

    private static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
