package com.calliyo.order.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code ce_type} values on {@code crm.order.events}, each bound to its v1 data record and schema URI.
 * v1 only gains fields; a breaking change becomes a new type published side by side.
 */
public enum OrderEventType {

    ORDER_CREATED("com.calliyo.order.created", OrderCreated.class),
    ORDER_UPDATED("com.calliyo.order.updated", OrderUpdated.class),
    ORDER_PAYMENT_STATUS_CHANGED("com.calliyo.order.payment_status_changed", OrderPaymentStatusChanged.class);

    private static final String SCHEMA_BASE = "https://calliyo.com/schemas/events/";

    private final String type;
    private final Class<? extends OrderEvent> dataClass;

    OrderEventType(String type, Class<? extends OrderEvent> dataClass) {
        this.type = type;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code com.calliyo.order.created}. */
    public String type() {
        return type;
    }

    public Class<? extends OrderEvent> dataClass() {
        return dataClass;
    }

    /** The CloudEvents {@code dataschema} attribute; its last segment is the version. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + type.substring("com.calliyo.".length()) + "/v1");
    }

    public static Optional<OrderEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
