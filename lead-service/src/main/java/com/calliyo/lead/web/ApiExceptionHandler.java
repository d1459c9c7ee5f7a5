package com.calliyo.lead.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem+json; field errors listed in {@code errors[]} as {@code {field, message}}. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** RFC 9457's type for "the status says it all"; Spring 7 leaves the member out unless it is set. */
    private static final URI NO_FURTHER_MEANING = URI.create("about:blank");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Query parameters and path variables that break their constraints (e.g. {@code size} above 100). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                           HttpHeaders headers,
                                                                           HttpStatusCode status,
                                                                           WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(invalid("The request has invalid parameters", errors));
    }

    /** A parameter that cannot be converted, e.g. {@code page=abc}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return ResponseEntity.badRequest().body(invalid(field + " has a value of the wrong type",
                List.of(Map.of("field", field, "message", "has the wrong type"))));
    }

    private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A body that is not JSON, or a field of the wrong type: say which field when the parser knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = fieldOf(ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field.isEmpty()
                ? "The request body is missing or is not valid JSON"
                : field + " has a value of the wrong type");
        problem.setTitle("Unreadable request body");
        if (!field.isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The field named by the innermost Jackson error: a value Jackson hands to a parser (e.g. an unparseable
     * {@code Instant}) has the parser's exception as the most specific cause, and the field only on Jackson's.
     */
    private static String fieldOf(HttpMessageNotReadableException ex) {
        String field = "";
        for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                field = fieldOf(jackson);
            }
        }
        return field;
    }

    private static String fieldOf(JacksonException ex) {
        return ex.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
    }

    @ExceptionHandler
    ProblemDetail apiException(ApiException ex) {
        String detail = ex.field() == null ? ex.getMessage() : ex.field() + " " + ex.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), detail);
        problem.setType(NO_FURTHER_MEANING);
        problem.setTitle(ex.title());
        if (ex.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        }
        ex.properties().forEach(problem::setProperty);
        return problem;
    }
}
