package com.calliyo.reporting.report;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Report parameters the service cannot answer, as RFC 9457 problem+json naming each parameter in errors[]. */
@RestControllerAdvice
class ReportProblems {

    @ExceptionHandler(InvalidReportParametersException.class)
    ProblemDetail invalidParameters(InvalidReportParametersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid report parameter");
        List<Map<String, String>> errors = e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
