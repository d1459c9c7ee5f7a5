package com.calliyo.webhook.subscription.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types a subscription can ask for, as named on the wire ({@code type} of the delivered body). */
public enum WebhookEventType {

    LEAD_CREATED("lead.created"),
    LEAD_UPDATED("lead.updated"),
    LEAD_STATUS_CHANGED("lead.status_changed"),
    LEAD_ASSIGNED("lead.assigned"),
    LEAD_CONVERTED("lead.converted"),
    LEAD_UNCONVERTED("lead.unconverted"),
    CALL_COMPLETED("call.completed"),
    FOLLOWUP_CREATED("followup.created"),
    FOLLOWUP_COMPLETED("followup.completed"),
    NOTE_ADDED("note.added"),
    ORDER_CREATED("order.created"),
    ORDER_PAYMENT_STATUS_CHANGED("order.payment_status_changed");

    /** Sent by {@code POST .../test} whatever the subscription asked for; never subscribed to. */
    public static final String PING = "webhook.ping";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
