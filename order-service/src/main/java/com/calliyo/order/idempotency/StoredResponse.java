package com.calliyo.order.idempotency;

/** A response kept for replay: status, {@code Location} (may be null) and the JSON body. */
public record StoredResponse(int status, String location, String body) {
}
