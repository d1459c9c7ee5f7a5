package com.calliyo.web.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as CSV: the group's label, then the report's columns, one line per row and the total last, exactly the
 * figures the page shows. Cells that a spreadsheet would run as a formula are quoted as text.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String write(ReportKind kind, Report report) {
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>();
        header.add("Group");
        kind.columns().forEach(column -> header.add(column.header()));
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (Map<String, Object> row : report.rows()) {
                csv.printRecord(line(kind, row));
            }
            if (!report.total().isEmpty()) {
                csv.printRecord(line(kind, report.total()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> line(ReportKind kind, Map<String, Object> row) {
        List<String> cells = new ArrayList<>();
        cells.add(safe(row.get("label")));
        kind.columns().forEach(column -> cells.add(safe(row.get(column.key()))));
        return cells;
    }

    /** A label such as "=HYPERLINK(...)" (a tag or an agent's name) must stay text in a spreadsheet. */
    static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text) ? "'" + text : text;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
