package com.calliyo.lead.webhook;

import com.calliyo.lead.idempotency.IdempotentRequests;
import com.calliyo.lead.idempotency.RequestFingerprint;
import com.calliyo.lead.idempotency.StoredResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The public URL web forms and integration tools post leads to; no sign-in, the key's token instead. */
@RestController
class WebhookController {

    static final String TOKEN_HEADER = "X-Webhook-Token";
    static final String SCOPE = "POST /api/webhooks/leads";

    private final InboundWebhook inbound;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;

    WebhookController(InboundWebhook inbound, IdempotentRequests idempotency, JsonMapper json) {
        this.inbound = inbound;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Operation(summary = "Public: a web form posts a lead {name, phone, email?, source?, campaign?} with "
            + "X-Webhook-Token → 201 {leadId}; a phone the company already has gets the same 201 with a reference "
            + "that names no lead (the submission is noted on the existing lead); honeypot hit → 202; "
            + "401 bad token or key, 403 origin, 413 too large, 400 naming the field; accepts Idempotency-Key")
    @PostMapping("/api/webhooks/leads/{keyId}")
    ResponseEntity<String> receive(@PathVariable String keyId,
                                   @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                   @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
                                   @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                                   String idempotencyKey,
                                   @RequestBody(required = false) byte[] body) {
        // Keys are kept per webhook key (the key is the caller); the token is part of the fingerprint, so a stored
        // answer is never replayed to a caller who does not hold the token.
        String fingerprint = RequestFingerprint.start().add(String.valueOf(token)).addJson(body, json).hex();
        return idempotency.execute("webhook-key:" + keyId, "webhook:" + keyId, SCOPE, idempotencyKey, fingerprint,
                () -> inbound.receive(keyId, token, origin, referer, body)
                        .map(leadId -> StoredResponse.json(HttpStatus.CREATED.value(),
                                json.writeValueAsString(new Created(leadId))))
                        // a honeypot hit looks like success, so a bot learns nothing
                        .orElseGet(() -> StoredResponse.json(HttpStatus.ACCEPTED.value(),
                                json.writeValueAsString(new Accepted("accepted")))))
                .toResponseEntity();
    }

    record Created(String leadId) {
    }

    record Accepted(String status) {
    }
}
