package com.calliyo.lead.lead.imports;

import java.util.Locale;

/** The columns an import understands; any other column is ignored. */
enum CsvColumn {
    FIRST_NAME("FirstName", true),
    LAST_NAME("LastName", false),
    PHONE("Phone", true),
    EMAIL("Email", false),
    STATUS("Status", false),
    TAGS("Tags", false),
    SOURCE("Source", false),
    CAMPAIGN("Campaign", false);

    private final String header;
    private final boolean required;

    CsvColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    /** The column a header cell names, matched case-insensitively and ignoring spaces, '_' and '-'; null if none. */
    static CsvColumn named(String headerCell) {
        String wanted = comparable(headerCell);
        for (CsvColumn column : values()) {
            if (comparable(column.header).equals(wanted)) {
                return column;
            }
        }
        return null;
    }

    private static String comparable(String name) {
        return name.replaceAll("[\\s_\\-\\uFEFF]", "").toLowerCase(Locale.ROOT);
    }
}
