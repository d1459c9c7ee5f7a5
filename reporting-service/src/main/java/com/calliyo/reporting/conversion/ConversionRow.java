package com.calliyo.reporting.conversion;

/** One line of the conversion report; {@code conversionRate} = conversions / leads, 4 decimals, 0 without leads. */
record ConversionRow(String key, String label, long leads, long conversions, double conversionRate) {
}
