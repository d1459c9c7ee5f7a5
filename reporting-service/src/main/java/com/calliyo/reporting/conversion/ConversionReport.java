package com.calliyo.reporting.conversion;

import java.util.List;

record ConversionReport(List<ConversionRow> rows, ConversionRow total) {
}
