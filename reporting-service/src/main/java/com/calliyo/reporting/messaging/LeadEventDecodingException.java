package com.calliyo.reporting.messaging;

/** A record on the lead topic that can never be read; retrying cannot help, so it goes straight to the DLT. */
class LeadEventDecodingException extends RuntimeException {

    LeadEventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
