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
            order.put("gst", form.gst());
        }
        return api.post("/api/orders", order, Order.class, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** The GST the order would carry, computed by order-service; nothing is saved. */
    public TaxPreview previewTax(ConvertForm form) {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("amount", form.amount() == null ? null : form.amount().trim());
        preview.put("amountIncludesTax", form.includesTax());
        if (form.gstRate() != null && !form.gstRate().isBlank()) {
            preview.put("gst", form.gst());
        }
        return api.post("/api/orders/tax-preview", preview, TaxPreview.class, Map.of());
    }

    /** order-service's answer to a tax preview. */
    public record TaxPreview(String amount, boolean amountIncludesTax, Order.TaxBreakdown taxBreakdown) {
    }
}
