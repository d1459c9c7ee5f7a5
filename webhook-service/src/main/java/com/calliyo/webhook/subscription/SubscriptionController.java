package com.calliyo.webhook.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.calliyo.tokencheck.Caller;
import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.signing.WebhookSigner;
import com.calliyo.webhook.subscription.domain.Subscription;
import com.calliyo.webhook.web.ApiException;
import com.calliyo.webhook.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/settings/webhooks}: a company's outbound webhook subscriptions (ADMIN only). */
@RestController
@RequestMapping("/api/settings/webhooks")
@Tag(name = "Webhook subscriptions", description = "Outbound webhooks: which events go to which HTTPS URL, signed "
        + "as the Standard Webhooks specification says (webhook-id, webhook-timestamp, webhook-signature). ADMIN only.")
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final TargetGuard guard;
    private final AdminOnly admins;
    private final WebhookServiceProperties properties;
    private final Clock clock;

    SubscriptionController(Subscriptions subscriptions, TargetGuard guard, AdminOnly admins,
                           WebhookServiceProperties properties) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.admins = admins;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @PostMapping
    @Operation(summary = "Subscribe a URL to events", description = "Answers 201 with the subscription and its "
            + "signing secret (whsec_...), shown only here and on rotation. url must be https and resolve to public "
            + "addresses only; events from the list of webhook event types. 422 names the field otherwise.")
    ResponseEntity<SubscriptionResponse> create(@RequestBody SubscriptionRequests.Create body) {
        Caller caller = admins.admin();
        if (body == null) {
            throw ApiException.invalid("url", "is required");
        }
        Subscription created = new Subscription(UUID.randomUUID().toString(), caller.companyId(),
                SubscriptionRequests.url(body.url(), guard), SubscriptionRequests.events(body.events()),
                SubscriptionRequests.description(body.description()), body.enabled() == null || body.enabled(),
                WebhookSigner.newSecret(), null, null, clock.instant(), null, null, null, null);
        subscriptions.insert(created);
        return ResponseEntity.created(URI.create("/api/settings/webhooks/" + created.id()))
                .body(SubscriptionResponse.withSecret(created, clock.instant(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "The company's subscriptions, oldest first (without secrets)")
    Page<SubscriptionResponse> list(@RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        Caller caller = admins.admin();
        Page.check(page, size);
        Instant now = clock.instant();
        return new Page<>(subscriptions.page(caller.companyId(), page, size).stream()
                .map(s -> SubscriptionResponse.of(s, now)).toList(), page, size, subscriptions.count(caller.companyId()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription (without its secret); 404 when it is not the company's")
    SubscriptionResponse get(@PathVariable String id) {
        return SubscriptionResponse.of(owned(admins.admin(), id), clock.instant());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change url, events, description or enabled", description = "Only the fields given "
            + "change. Enabling a subscription that was disabled for failing clears its failure record; deliveries "
            + "that waited resume in order.")
    SubscriptionResponse change(@PathVariable String id, @RequestBody SubscriptionRequests.Change body) {
        Caller caller = admins.admin();
        owned(caller, id);
        String url = body == null || body.url() == null ? null : SubscriptionRequests.url(body.url(), guard);
        Set<String> events = body == null || body.events() == null ? null
                : SubscriptionRequests.events(body.events());
        String description = body == null || body.description() == null ? null
                : SubscriptionRequests.description(body.description());
        subscriptions.change(caller.companyId(), id, url, events, description, body == null ? null : body.enabled());
        return SubscriptionResponse.of(owned(caller, id), clock.instant());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Unsubscribe; deliveries not yet made are dropped")
    ResponseEntity<Void> delete(@PathVariable String id) {
        Caller caller = admins.admin();
        if (!subscriptions.delete(caller.companyId(), id)) {
            throw ApiException.notFound("No webhook subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret", description = "Answers the new secret (shown only here). "
            + "For 24 h (previousSecretExpiresAt) every delivery carries two signatures, one with each secret, so "
            + "the receiver can switch without losing a delivery.")
    SubscriptionResponse rotate(@PathVariable String id) {
        Caller caller = admins.admin();
        Subscription current = owned(caller, id);
        String secret = WebhookSigner.newSecret();
        Instant now = clock.instant();
        subscriptions.rotateSecret(caller.companyId(), id, secret, current.secret(),
                now.plus(properties.delivery().rotationOverlap()));
        return SubscriptionResponse.withSecret(owned(caller, id), now, secret);
    }

    private Subscription owned(Caller caller, String id) {
        return subscriptions.find(caller.companyId(), id)
                .orElseThrow(() -> ApiException.notFound("No webhook subscription " + id));
    }
}
