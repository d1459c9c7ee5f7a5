package com.calliyo.lead.webhook;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** No active webhook key with this id in the caller's company (foreign and revoked keys look the same). */
class WebhookKeyNotFoundException extends ApiException {

    WebhookKeyNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "Not found", "No webhook key with id " + id);
    }
}
