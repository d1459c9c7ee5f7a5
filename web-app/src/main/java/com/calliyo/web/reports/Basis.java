package com.calliyo.web.reports;

import java.util.Locale;

/**
 * Which conversions a period counts: those that happened in it, or those of the leads captured in it (a cohort,
 * whenever they converted). Leads are the leads captured in the period under both.
 */
public enum Basis {
    CONVERSION("Conversions in the period"), COHORT("Leads captured in the period");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Basis ofParam(String value) {
        return "cohort".equals(value) ? COHORT : CONVERSION;
    }
}
