package com.calliyo.lead.webhook;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbound webhook key: where leads posted to its URL land (company, default status and tags) and what they must
 * show (the token, an allowed origin). Only the token's hash is kept. A revoked key keeps its document, so leads that
 * name it as their channel still resolve, but it never accepts a post again.
 */
@Document(WebhookKeys.COLLECTION)
record WebhookKey(@Id String id, String companyId, String name, List<String> allowedDomains, String honeypotField,
                  String defaultStatusId, List<String> defaultTags, String tokenHash, Instant createdAt,
                  Instant tokenIssuedAt, Instant revokedAt) {

    /** Who captures the lead: the key's company, acting as the key itself (no user, no role). */
    Caller caller() {
        return new Caller(companyId, "webhook:" + id, null);
    }

    String url() {
        return "/api/webhooks/leads/" + id;
    }
}
