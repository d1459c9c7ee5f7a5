package com.calliyo.webhook.web;

import org.springframework.http.HttpStatus;

/**
 * An error the client can act on, answered as problem+json with this status and title; {@code field}, when set, is
 * listed in {@code errors[]} as {@code {field, message}}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;

    public ApiException(HttpStatus status, String title, String message, String field) {
        super(message);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    /** 422: {@code field} is well-formed but not acceptable (plain http, a private target, an unknown event). */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable subscription", message, field);
    }

    /** 400: {@code field} is missing or malformed. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", message, field);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, null);
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
}
