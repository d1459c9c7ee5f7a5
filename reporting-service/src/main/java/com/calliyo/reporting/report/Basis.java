package com.calliyo.reporting.report;

/**
 * Which date of a lead puts it in the report's period. {@code CONVERSION} (the default): a conversion counts in the
 * period it happened, whenever the lead was captured. {@code COHORT}: leads are taken by their capture date, and
 * their conversions count whenever they happened (even after the period).
 */
public enum Basis {
    CONVERSION, COHORT
}
