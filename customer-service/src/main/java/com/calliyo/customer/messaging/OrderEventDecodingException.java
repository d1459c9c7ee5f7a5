package com.calliyo.customer.messaging;

/** An order record that can never be read: retrying cannot help, so it goes straight to the dead-letter topic. */
class OrderEventDecodingException extends RuntimeException {

    OrderEventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
