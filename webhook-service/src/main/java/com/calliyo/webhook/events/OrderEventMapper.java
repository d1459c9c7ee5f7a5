package com.calliyo.webhook.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.calliyo.order.events.OrderCreated;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderPaymentStatusChanged;
import com.calliyo.webhook.delivery.WebhookEvent;
import com.calliyo.webhook.subscription.domain.WebhookEventType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order events → webhook events: {@code data.order} is the order after the change; a payment status change adds
 * {@code data.previous.paymentStatus}. Ordered with the lead's events (the order key is the leadId). Types
 * subscribers cannot ask for ({@code order.updated}) give nothing.
 */
@Component
class OrderEventMapper {

    private final JsonMapper json;

    OrderEventMapper(JsonMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    Optional<WebhookEvent> map(String eventId, OrderEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("version", event.orderVersion());
        order.putAll(json.convertValue(event.order(), Map.class));
        data.put("order", order);
        WebhookEventType type = null;
        if (event instanceof OrderCreated) {
            type = WebhookEventType.ORDER_CREATED;
        } else if (event instanceof OrderPaymentStatusChanged changed) {
            Map<String, Object> previous = new LinkedHashMap<>();
            previous.put("paymentStatus", changed.from() == null ? null : changed.from().name());
            data.put("previous", previous);
            type = WebhookEventType.ORDER_PAYMENT_STATUS_CHANGED;
        }
        return Optional.ofNullable(type).map(t -> new WebhookEvent(eventId, t.wireName(), event.occurredAt(),
                event.companyId(), event.leadId(), data));
    }
}
