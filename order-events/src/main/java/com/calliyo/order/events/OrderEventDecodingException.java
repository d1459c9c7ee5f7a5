package com.calliyo.order.events;

/**
 * A record on {@code crm.order.events} that can never be read (not a CloudEvent, no data, unreadable or incomplete
 * data). Retrying cannot help: consumers send it straight to the dead-letter topic.
 */
public class OrderEventDecodingException extends RuntimeException {

    public OrderEventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
