package com.calliyo.reporting.report;

import java.util.List;
import java.util.stream.Collectors;

/** One or more report parameters that cannot be answered; each error names its parameter. */
class InvalidReportParametersException extends RuntimeException {

    record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    InvalidReportParametersException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
