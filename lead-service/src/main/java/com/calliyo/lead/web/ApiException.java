package com.calliyo.lead.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the client can act on, answered as problem+json with this status, title and detail. {@code field}, when
 * set, is listed in {@code errors[]}; {@code properties} become extra members of the problem (e.g.
 * {@code existingLeadId}). Features throw subclasses; {@link ApiExceptionHandler} renders them all.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null, Map.of());
    }

    public ApiException(HttpStatus status, String title, String detail, String field, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
