package com.calliyo.lead.webhook;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The public URL web forms and integration tools post leads to; no sign-in, the key's token instead. */
@RestController
class WebhookController {

    static final String TOKEN_HEADER = "X-Webhook-Token";

    private final InboundWebhook inbound;

    WebhookController(InboundWebhook inbound) {
        this.inbound = inbound;
    }

    @PostMapping("/api/webhooks/leads/{keyId}")
    ResponseEntity<Object> receive(@PathVariable String keyId,
                                   @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                   @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
                                   @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer,
                                   @RequestBody(required = false) byte[] body) {
        return inbound.receive(keyId, token, origin, referer, body)
                .<ResponseEntity<Object>>map(leadId -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(new Created(leadId)))
                // a honeypot hit looks like success, so a bot learns nothing
                .orElseGet(() -> ResponseEntity.accepted().body(new Accepted("accepted")));
    }

    record Created(String leadId) {
    }

    record Accepted(String status) {
    }
}
