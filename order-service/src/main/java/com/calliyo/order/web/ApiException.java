package com.calliyo.order.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the client can act on, answered as problem+json with this status, title and detail. {@code field}, when
 * set, is listed in {@code errors[]} as {@code {field, message}} and the detail reads "field message";
 * {@code properties} become extra members of the problem (e.g. {@code from}, {@code to}).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null, Map.of());
    }

    public ApiException(HttpStatus status, String title, String message, String field,
                        Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.title = title;
        this.field = field;
        this.properties = Map.copyOf(properties);
    }

    /** 422: the value of {@code field} is well-formed but not acceptable, e.g. an invalid GSTIN. */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable order", message, field, Map.of());
    }

    /** 400: the value of {@code field} is missing or malformed. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", message, field, Map.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
