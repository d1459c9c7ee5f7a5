package com.calliyo.webhook.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.webhook.subscription.Subscriptions;
import com.calliyo.webhook.subscription.domain.Subscription;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans an event out to the company's enabled subscriptions that asked for its type: one delivery each, written
 * before the listener returns (so before the Kafka offset is committed), then the dispatcher is woken.
 */
@Component
public class DeliveryQueue {

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Dispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    DeliveryQueue(Subscriptions subscriptions, Deliveries deliveries, Dispatcher dispatcher, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /** Queues {@code event} for every subscription that wants it; answers how many new deliveries that made. */
    public int publish(WebhookEvent event) {
        Map<String, String> deliveryIds = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions.wanting(event.companyId(), event.type())) {
            deliveryIds.put(subscription.id(), subscription.id() + ":" + event.id());
        }
        if (deliveryIds.isEmpty()) {
            return 0;
        }
        // one write for all of the event's deliveries: the listener's store round trips bound the consume rate
        List<String> queued = deliveries.enqueueAll(deliveryIds, event, event.body(json), clock.instant());
        queued.forEach(dispatcher::wake);
        return queued.size();
    }

    /** Queues {@code event} for {@code subscription} alone, as {@code deliveryId} (a ping, a replayed event). */
    void enqueue(Subscription subscription, String deliveryId, WebhookEvent event, String body, Instant now) {
        deliveries.enqueue(subscription.id(), deliveryId, event, body, now);
        dispatcher.wake(subscription.id());
    }

    void wake(String subscriptionId) {
        dispatcher.wake(subscriptionId);
    }
}
