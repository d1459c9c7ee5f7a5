package com.calliyo.lead.lead.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where each known column sits in a file, read from its header row. */
final class CsvColumns {

    private static final int HEADERS_ECHOED = 10;
    private static final int HEADER_ECHO_LENGTH = 40;

    private final Map<CsvColumn, Integer> positions;

    private CsvColumns(Map<CsvColumn, Integer> positions) {
        this.positions = positions;
    }

    /**
     * @throws MalformedCsvException when a required column is missing or a known column appears twice
     */
    static CsvColumns fromHeader(List<String> headerCells) {
        Map<CsvColumn, Integer> positions = new EnumMap<>(CsvColumn.class);
        for (int i = 0; i < headerCells.size(); i++) {
            CsvColumn column = CsvColumn.named(headerCells.get(i));
            if (column != null && positions.putIfAbsent(column, i) != null) {
                throw new MalformedCsvException("The header row has the column " + column.header() + " twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (CsvColumn column : CsvColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedCsvException("The header row has no " + String.join(" and ", missing)
                    + " column (required: FirstName and Phone, matched case-insensitively; found: "
                    + echo(headerCells) + ")");
        }
        return new CsvColumns(positions);
    }

    /** The trimmed value of {@code column} in {@code values}; null when the column or the cell is absent or blank. */
    String value(List<String> values, CsvColumn column) {
        Integer position = positions.get(column);
        if (position == null || position >= values.size()) {
            return null;
        }
        String value = values.get(position).strip();
        return value.isEmpty() ? null : value;
    }

    private static String echo(List<String> headerCells) {
        String shown = headerCells.stream()
                .limit(HEADERS_ECHOED)
                .map(cell -> cell.length() > HEADER_ECHO_LENGTH ? cell.substring(0, HEADER_ECHO_LENGTH) + "…" : cell)
                .map(cell -> "'" + cell + "'")
                .collect(Collectors.joining(", "));
        return headerCells.size() > HEADERS_ECHOED ? shown + ", …" : shown;
    }
}
