package com.calliyo.localstack;

/** The stack could not start; the message says what to do about it and is meant to be shown as is. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
