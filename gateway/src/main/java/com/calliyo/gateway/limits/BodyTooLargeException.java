package com.calliyo.gateway.limits;

import org.springframework.util.unit.DataSize;

/**
 * A body without a {@code Content-Length} (chunked) grew past the limit while it was streamed on. Not a downstream
 * failure: the circuit breakers ignore it, and {@link BodyLimitFilter} answers 413.
 */
public class BodyTooLargeException extends RuntimeException {

    private final DataSize limit;

    public BodyTooLargeException(DataSize limit) {
        super("Request body larger than " + limit.toBytes() + " bytes", null, false, false);
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }
}
