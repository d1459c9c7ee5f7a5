package com.calliyo.lead.events;

/**
 * A record on a lead or company topic that can never be read (not a CloudEvent, no data, data that does not match
 * its type). Retrying cannot help, so consumers send it straight to the dead-letter topic.
 */
public class LeadEventDecodingException extends RuntimeException {

    public LeadEventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
