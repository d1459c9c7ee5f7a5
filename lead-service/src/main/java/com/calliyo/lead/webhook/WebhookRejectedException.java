package com.calliyo.lead.webhook;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** Why an inbound post was refused before its body was looked at. */
class WebhookRejectedException extends ApiException {

    private WebhookRejectedException(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    /**
     * A missing or wrong token, and an unknown or revoked key, all get this same answer, so that a caller without the
     * token cannot learn which key ids exist.
     */
    static WebhookRejectedException badToken() {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Send the key's token in the X-Webhook-Token header");
    }

    static WebhookRejectedException originNotAllowed() {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, "Forbidden",
                "This webhook key does not accept posts from this origin");
    }

    static WebhookRejectedException tooLarge(long maxBytes) {
        return new WebhookRejectedException(HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
                "The body must not exceed " + maxBytes + " bytes");
    }
}
