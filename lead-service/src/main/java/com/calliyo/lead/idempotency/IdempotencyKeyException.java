package com.calliyo.lead.idempotency;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key that cannot be honoured: malformed (400), reused for another request or still running (409). */
public class IdempotencyKeyException extends ApiException {

    private IdempotencyKeyException(HttpStatus status, String title, String message) {
        super(status, title, message, IdempotentRequests.HEADER, Map.of());
    }

    static IdempotencyKeyException malformed() {
        return new IdempotencyKeyException(HttpStatus.BAD_REQUEST, "Invalid request",
                "must be 1 to " + IdempotentRequests.MAX_KEY_LENGTH + " visible ASCII characters");
    }

    static IdempotencyKeyException reusedForAnotherRequest() {
        return new IdempotencyKeyException(HttpStatus.CONFLICT, "Idempotency-Key reused",
                "was already used for a different request; use a new key for a new request");
    }

    static IdempotencyKeyException stillInProgress() {
        return new IdempotencyKeyException(HttpStatus.CONFLICT, "Request in progress",
                "belongs to a request that is still being processed; retry later");
    }
}
