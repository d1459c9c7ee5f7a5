package com.calliyo.lead.webhook;

import java.util.Optional;
import java.util.UUID;

import com.calliyo.lead.activity.AddNote;
import com.calliyo.lead.apikey.SecretTokens;
import com.calliyo.lead.lead.application.CaptureLead;
import com.calliyo.lead.lead.application.CaptureLeadCommand;
import com.calliyo.lead.lead.application.DuplicateLeadException;
import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.status.StatusCatalog;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lead posted to a webhook key's URL. In order: the token (401), the origin (403), the body's size and syntax
 * (413, 400), the honeypot (dropped without a trace), the fields (400), then capture with the key's company, default
 * status and tags, through the same use case and phone dedup as a lead typed into the form.
 * <p>
 * A phone the company already has is answered exactly like a new lead, with a fresh reference that names no lead:
 * the URL is public and its token sits in a web page, so a 409 with the lead's id would let anyone holding it probe
 * which phones are leads. The submission is noted on the existing lead's timeline instead (and published as a note).
 */
@Service
class InboundWebhook {

    private static final Logger log = LoggerFactory.getLogger(InboundWebhook.class);

    private final WebhookKeys keys;
    private final CaptureLead captureLead;
    private final StatusCatalog statuses;
    private final Validator validator;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final AddNote addNote;

    InboundWebhook(WebhookKeys keys, CaptureLead captureLead, StatusCatalog statuses, Validator validator,
                   JsonMapper json, WebhookProperties properties, AddNote addNote) {
        this.keys = keys;
        this.captureLead = captureLead;
        this.addNote = addNote;
        this.statuses = statuses;
        this.validator = validator;
        this.json = json;
        this.properties = properties;
    }

    /**
     * @return the new lead's id (or, for a phone the company already has, a reference that names no lead), or empty
     * when the post filled the honeypot and was dropped
     */
    Optional<String> receive(String keyId, String token, String origin, String referer, byte[] body) {
        WebhookKey key = keys.findActive(keyId)
                .filter(found -> SecretTokens.matches(token, found.tokenHash()))
                .orElseThrow(WebhookRejectedException::badToken);
        if (!key.allowedDomains().isEmpty() && !RequestOrigin.host(origin, referer)
                .map(host -> AllowedDomains.allows(key.allowedDomains(), host)).orElse(false)) {
            throw WebhookRejectedException.originNotAllowed();
        }
        JsonNode fields = parse(body);
        if (WebhookSubmission.fillsHoneypot(fields, key.honeypotField())) {
            log.debug("Webhook key {} dropped a post that filled the honeypot field", key.id());
            return Optional.empty();
        }
        WebhookLead lead = WebhookLead.of(WebhookSubmission.of(fields)).validate(validator);
        // a default status deleted since the key was made falls back to the company's initial status
        String status = key.defaultStatusId() == null ? null
                : statuses.find(key.companyId(), key.defaultStatusId()).map(LeadStatusRef::id).orElse(null);
        CaptureLeadCommand command = new CaptureLeadCommand(lead.firstName(), lead.lastName(), lead.phone(),
                lead.email(), key.defaultTags(), status, lead.source(), lead.campaign(), CaptureChannel.WEBHOOK,
                key.id());
        try {
            return Optional.of(captureLead.capture(key.caller(), command).id());
        } catch (DuplicateLeadException e) {
            addNote.add(key.caller(), e.existingLeadId(), "Submitted again through web form " + key.name());
            return Optional.of(UUID.randomUUID().toString());
        }
    }

    private JsonNode parse(byte[] body) {
        long max = properties.maxBodySize().toBytes();
        if (body != null && body.length > max) {
            throw WebhookRejectedException.tooLarge(max);
        }
        JsonNode parsed;
        try {
            parsed = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            throw new InvalidFieldException("body", "must be a JSON object such as {\"name\":..., \"phone\":...}");
        }
        return parsed;
    }
}
