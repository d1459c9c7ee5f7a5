package com.calliyo.web.conversion;

import java.util.LinkedHashMap;
import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import org.springframework.stereotype.Component;

/** order-service: the company's order settings and new orders. */
@Component
public class OrdersApi {

    private final GatewayApi api;

    OrdersApi(GatewayApi api) {
        this.api = api;
    }

    public OrderSettings settings() {
        return api.get("/api/orders/settings", OrderSettings.class);
    }

    public boolean orderModuleEnabled() {
        return settings().orderModuleEnabled();
    }

    public Order create(String leadId, ConvertForm form, String idempotencyKey) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("leadId", leadId);
        order.put("plan", form.plan());
        order.put("amount", form.amount() == null ? null : form.amount().trim());
        order.put("amountIncludesTax", form.includesTax());
        order.put("paymentStatus", form.paymentStatus());
        if (form.gstRate() != null && !form.gstRate().isBlank()) {
            order.put("gst", Map.of("rate", form.gstRate()));
        }
        return api.post("/api/orders", order, Order.class, Map.of("Idempotency-Key", idempotencyKey));
    }
}
