package com.calliyo.lead.lead.application;

/** A request field whose value the service cannot accept; answered as 400 naming the field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
