package com.calliyo.lead.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.calliyo.lead.apikey.SecretTokens;
import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Creates, lists, regenerates and revokes the caller's company's inbound webhook keys; admins only. */
@Service
class WebhookKeyService {

    static final String TOKEN_PREFIX = "wh_live_";
    /** A honeypot named like a real field would silently drop every genuine lead. */
    private static final Set<String> LEAD_FIELDS = Set.of("name", "phone", "email");

    private final WebhookKeys keys;
    private final StatusCatalog statuses;
    private final Clock clock;

    WebhookKeyService(WebhookKeys keys, StatusCatalog statuses, Clock clock) {
        this.keys = keys;
        this.statuses = statuses;
        this.clock = clock;
    }

    IssuedWebhookKey create(Caller caller, NewWebhookKey request) {
        requireAdmin(caller);
        List<String> domains = AllowedDomains.normalise(request.allowedDomains() == null ? List.of()
                : request.allowedDomains());
        String honeypot = honeypotField(request.honeypotField());
        LeadStatusRef status = request.defaultStatus() == null || request.defaultStatus().isBlank()
                ? statuses.initial(caller.companyId())
                : statuses.find(caller.companyId(), request.defaultStatus()).orElseThrow(() ->
                        new InvalidFieldException("defaultStatus", "is not a status of this company"));
        List<String> tags = request.defaultTags() == null ? List.of()
                : request.defaultTags().stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        String token = SecretTokens.generate(TOKEN_PREFIX);
        Instant now = clock.instant();
        WebhookKey key = new WebhookKey(UUID.randomUUID().toString(), caller.companyId(), request.name().trim(),
                domains, honeypot, status.id(), tags, SecretTokens.hash(token), now, now, null);
        keys.insert(key);
        return new IssuedWebhookKey(key, token);
    }

    List<WebhookKey> page(Caller caller, int page, int size) {
        requireAdmin(caller);
        return keys.page(caller.companyId(), page, size);
    }

    long count(Caller caller) {
        return keys.count(caller.companyId());
    }

    /** A new token for the key; the old one fails from this write on. */
    IssuedWebhookKey regenerate(Caller caller, String id) {
        requireAdmin(caller);
        String token = SecretTokens.generate(TOKEN_PREFIX);
        if (!keys.replaceToken(caller.companyId(), id, SecretTokens.hash(token), clock.instant())) {
            throw new WebhookKeyNotFoundException(id);
        }
        return new IssuedWebhookKey(keys.findActive(caller.companyId(), id)
                .orElseThrow(() -> new WebhookKeyNotFoundException(id)), token);
    }

    void revoke(Caller caller, String id) {
        requireAdmin(caller);
        if (!keys.revoke(caller.companyId(), id, clock.instant())) {
            throw new WebhookKeyNotFoundException(id);
        }
    }

    /** The key's default status as it is named now, or empty if the status has since been deleted. */
    Optional<LeadStatusRef> defaultStatus(WebhookKey key) {
        return key.defaultStatusId() == null ? Optional.empty()
                : statuses.find(key.companyId(), key.defaultStatusId());
    }

    private static String honeypotField(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String trimmed = field.trim();
        if (LEAD_FIELDS.contains(trimmed.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException("honeypotField", "must not be one of the lead's own fields "
                    + "(name, phone, email): every genuine lead would be dropped");
        }
        return trimmed;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can manage webhook keys");
        }
    }

    record NewWebhookKey(String name, List<String> allowedDomains, String honeypotField, String defaultStatus,
                         List<String> defaultTags) {
    }

    /** A key together with its token, which is shown this once and never again. */
    record IssuedWebhookKey(WebhookKey key, String token) {
    }
}
