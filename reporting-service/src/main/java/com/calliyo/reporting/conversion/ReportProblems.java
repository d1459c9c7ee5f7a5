package com.calliyo.reporting.conversion;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Report parameters the service cannot answer, as RFC 9457 problem+json with the offending field in errors[]. */
@RestControllerAdvice
class ReportProblems {

    @ExceptionHandler(InvalidGroupByException.class)
    ProblemDetail invalidGroupBy(InvalidGroupByException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid report parameter");
        problem.setProperty("errors", List.of(Map.of(
                "field", "groupBy",
                "message", "must be one of " + ConversionGroup.ALLOWED)));
        return problem;
    }
}
