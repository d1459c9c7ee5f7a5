package com.calliyo.customer.customers;

/** A query parameter that is well-formed on its own but wrong with the others (e.g. {@code to} before {@code from}). */
class BadFilterException extends RuntimeException {

    private final String field;

    BadFilterException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
