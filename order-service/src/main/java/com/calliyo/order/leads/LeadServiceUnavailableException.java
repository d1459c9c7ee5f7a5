package com.calliyo.order.leads;

/**
 * lead-service could not answer: the connection failed or it answered 5xx. The retry and the circuit breaker count
 * these (and time-outs); a 404 is an answer, not a failure.
 */
public class LeadServiceUnavailableException extends RuntimeException {

    public LeadServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
