package com.calliyo.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.calliyo.tokencheck.Caller;
import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.delivery.domain.DeliveryStatus;
import com.calliyo.webhook.subscription.AdminOnly;
import com.calliyo.webhook.subscription.Subscriptions;
import com.calliyo.webhook.subscription.domain.Subscription;
import com.calliyo.webhook.subscription.domain.WebhookEventType;
import com.calliyo.webhook.web.ApiException;
import com.calliyo.webhook.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The delivery log of a subscription, and the ways to send again: retry one, ping, replay a time range (ADMIN). */
@RestController
@RequestMapping("/api/settings/webhooks/{id}")
@Tag(name = "Webhook deliveries", description = "Every delivery with every attempt (time, status code, latency, "
        + "the first bytes of the answer), kept 30 days; retry, test and replay. ADMIN only.")
class DeliveryController {

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final DeliveryQueue queue;
    private final AdminOnly admins;
    private final JsonMapper json;
    private final Duration keepFor;
    private final Clock clock = Clock.systemUTC();

    DeliveryController(Subscriptions subscriptions, Deliveries deliveries, DeliveryQueue queue,
                       AdminOnly admins, JsonMapper json, WebhookServiceProperties properties) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.queue = queue;
        this.admins = admins;
        this.json = json;
        this.keepFor = properties.delivery().keepFor();
    }

    record Replay(Instant from, Instant to) {
    }

    @GetMapping("/deliveries")
    @Operation(summary = "The delivery log, newest first", description = "status filters by PENDING, DELIVERED or "
            + "FAILED; each delivery lists its attempts.")
    Page<DeliveryResponse> log(@PathVariable String id, @RequestParam(required = false) DeliveryStatus status,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        Caller caller = admins.admin();
        owned(caller, id);
        Page.check(page, size);
        return new Page<>(deliveries.page(caller.companyId(), id, status, page, size), page, size,
                deliveries.count(caller.companyId(), id, status));
    }

    @PostMapping("/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send one delivery again now", description = "Also for a DELIVERED or FAILED one; the "
            + "webhook-id stays the same, so a receiver that has it already can drop it. Answers 202.")
    ResponseEntity<DeliveryResponse> retry(@PathVariable String id, @PathVariable String deliveryId) {
        Caller caller = admins.admin();
        owned(caller, id);
        Delivery requeued = deliveries.requeue(caller.companyId(), id, deliveryId, clock.instant())
                .orElseThrow(() -> ApiException.notFound("No delivery " + deliveryId + " for webhook " + id));
        queue.wake(id);
        return ResponseEntity.accepted().body(DeliveryResponse.of(requeued, List.of()));
    }

    @PostMapping("/test")
    @Operation(summary = "Send a webhook.ping event", description = "Whatever events the subscription asked for; "
            + "answers 202 with the delivery's id, whose outcome shows in the log.")
    ResponseEntity<Map<String, String>> test(@PathVariable String id) {
        Caller caller = admins.admin();
        Subscription subscription = owned(caller, id);
        Instant now = clock.instant();
        String eventId = "ping_" + UUID.randomUUID();
        WebhookEvent ping = new WebhookEvent(eventId, WebhookEventType.PING, now, caller.companyId(), eventId,
                Map.of("subscriptionId", id, "message", "A test event sent from Calliyo's webhook settings"));
        String deliveryId = id + ":" + eventId;
        queue.enqueue(subscription, deliveryId, ping, ping.body(json), now);
        return ResponseEntity.accepted().body(Map.of("deliveryId", deliveryId, "eventId", eventId));
    }

    @PostMapping("/replay")
    @Operation(summary = "Send again every event of a time range", description = "{from, to}: instants, from "
            + "before to, within the 30 days the log keeps. Every delivery of an event that occurred in [from, to) "
            + "is queued again with its webhook-id, in the original order; answers 202 {replayed}.")
    ResponseEntity<Map<String, Integer>> replay(@PathVariable String id, @RequestBody Replay range) {
        Caller caller = admins.admin();
        Subscription subscription = owned(caller, id);
        if (range == null || range.from() == null) {
            throw ApiException.invalid("from", "is required");
        }
        if (range.to() == null) {
            throw ApiException.invalid("to", "is required");
        }
        if (!range.from().isBefore(range.to())) {
            throw ApiException.invalid("to", "must be after from");
        }
        Instant now = clock.instant();
        if (range.from().isBefore(now.minus(keepFor))) {
            throw ApiException.unprocessable("from", "is before the oldest kept delivery (" + keepFor.toDays()
                    + " days)");
        }
        String replayId = UUID.randomUUID().toString();
        List<Delivery> found = deliveries.occurredBetween(caller.companyId(), id, range.from(), range.to());
        found.stream().map(Delivery::eventId).distinct().forEach(eventId -> {
            Delivery original = found.stream().filter(d -> d.eventId().equals(eventId)).findFirst().orElseThrow();
            queue.enqueue(subscription, id + ":" + eventId + ":replay:" + replayId, new WebhookEvent(eventId,
                    original.type(), original.occurredAt(), original.companyId(), original.orderKey(), null),
                    original.body(), now);
        });
        return ResponseEntity.accepted().body(Map.of("replayed", (int) found.stream().map(Delivery::eventId)
                .distinct().count()));
    }

    private Subscription owned(Caller caller, String id) {
        return subscriptions.find(caller.companyId(), id)
                .orElseThrow(() -> ApiException.notFound("No webhook subscription " + id));
    }
}
