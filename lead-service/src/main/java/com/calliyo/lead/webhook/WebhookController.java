package com.calliyo.lead.webhook;

import java.nio.charset.StandardCharsets;

import com.calliyo.lead.idempotency.IdempotentRequests;
import com.calliyo.lead.idempotency.RequestFingerprint;
import com.calliyo.lead.idempotency.StoredResponse;
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

    @PostMapping("/api/webhooks/leads/{keyId}")
    ResponseEntity<String> receive(@PathVariable String keyId,
                                   @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                   @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
                                   @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                                   String idempotencyKey,
                                   @RequestBody(required = false) byte[] body) {
        // Keys are kept per webhook key; the token is part of the fingerprint, so a stored answer is never replayed
        // to a caller who does not hold the token.
        String fingerprint = RequestFingerprint.start().add(String.valueOf(token))
                .add(body == null ? "" : new String(body, StandardCharsets.UTF_8)).hex();
        return idempotency.execute("webhook-key:" + keyId, SCOPE, idempotencyKey, fingerprint,
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
