package com.calliyo.order.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import tools.jackson.core.JacksonException;

/** Every error as RFC 9457 problem+json; the fields at fault listed in {@code errors[]} as {@code {field, message}}. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(invalid("The request has invalid fields",
                ex.getBindingResult().getFieldErrors().stream()
                        .map(e -> error(e.getField(), String.valueOf(e.getDefaultMessage())))
                        .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                           HttpHeaders headers,
                                                                           HttpStatusCode status,
                                                                           WebRequest request) {
        return ResponseEntity.badRequest().body(invalid("The request has invalid parameters",
                ex.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream().map(e -> error(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                String.valueOf(e.getDefaultMessage()))))
                        .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return ResponseEntity.badRequest().body(invalid(field + " has a value of the wrong type",
                List.of(error(field, "has the wrong type"))));
    }

    /** Not JSON, or a value of the wrong type (e.g. an unknown paymentStatus): name the field when Jackson knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "";
        for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                field = jackson.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                        .collect(Collectors.joining("."));
            }
        }
        if (field.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is missing or is not valid JSON");
            problem.setTitle("Unreadable request body");
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.badRequest().body(invalid(field + " has a value of the wrong type",
                List.of(error(field, "has the wrong type"))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> apiException(ApiException ex) {
        String detail = ex.field() == null ? ex.getMessage() : ex.field() + " " + ex.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), detail);
        problem.setTitle(ex.title());
        if (ex.field() != null) {
            problem.setProperty("errors", List.of(error(ex.field(), ex.getMessage())));
        }
        ex.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
        if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(problem);
    }

    private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
