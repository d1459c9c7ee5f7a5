package com.calliyo.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.calliyo.order.gst.Amounts;
import com.calliyo.order.gst.OrderTaxes;
import com.calliyo.order.gst.domain.GstTerms;
import com.calliyo.order.gst.domain.Tax;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.company.CompanySettings;
import com.calliyo.order.company.CompanySettingsStore;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.leads.LeadAccess;
import com.calliyo.order.orders.OrderRequests.ChangePayment;
import com.calliyo.order.orders.OrderRequests.CreateOrder;
import com.calliyo.order.outbox.OrderOutbox;
import com.calliyo.order.outbox.OutboxEvent;
import com.calliyo.order.payment.PaymentAmounts;
import com.calliyo.order.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Creates orders and moves their payment status. Checks run in this order: the request's own fields (400/422),
 * the Order module (409 when the company switched it off), the lead (404 unless the caller may see it; 503 when
 * lead-service must be asked and does not answer), then GST against the company's rates and GSTIN (422). Every
 * change is one single-document write that also queues its events in the order's outbox.
 */
@Service
class OrderService {

    private static final int MAX_PLAN_LENGTH = 200;
    private static final int ATTEMPTS = 5;

    private final Orders orders;
    private final OrderEvents events;
    private final OrderOutbox outbox;
    private final LeadAccess leads;
    private final CompanySettingsStore companies;
    private final OrderTaxes taxes;
    private final Clock clock;
    private final OrderMetrics metrics;

    OrderService(Orders orders, OrderEvents events, OrderOutbox outbox, LeadAccess leads,
                 CompanySettingsStore companies, OrderTaxes taxes, OrderMetrics metrics) {
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.leads = leads;
        this.companies = companies;
        this.taxes = taxes;
        this.clock = Clock.systemUTC();
        this.metrics = metrics;
    }

    Order create(Caller caller, String authorization, CreateOrder request) {
        String leadId = required("leadId", request.leadId());
        if (leadId.length() > OrderController.MAX_ID_LENGTH) {
            throw ApiException.invalid("leadId", "must have at most " + OrderController.MAX_ID_LENGTH + " characters");
        }
        String plan = required("plan", request.plan());
        if (plan.length() > MAX_PLAN_LENGTH) {
            throw ApiException.invalid("plan", "must have at most " + MAX_PLAN_LENGTH + " characters");
        }
        long amount = Amounts.paise("amount", request.amount());
        if (request.paymentStatus() == null) {
            throw ApiException.invalid("paymentStatus", "is required");
        }
        requireGstRate(request.gst());
        CompanySettings company = requireOrderModule(caller);
        leads.require(caller, leadId, authorization);

        GstTerms gst = OrderRequests.Gst.terms(request.gst());
        Tax tax = taxes.assess(caller.companyId(), company, amount, Boolean.TRUE.equals(request.amountIncludesTax()),
                gst);
        Long paid = PaymentAmounts.initial(request.paymentStatus(), request.amountPaid(), tax.total());
        Instant now = clock.instant();
        Order order = new Order(UUID.randomUUID().toString(), caller.companyId(), leadId, plan, amount,
                Boolean.TRUE.equals(request.amountIncludesTax()), request.paymentStatus(), paid, tax,
                gst == null ? null : gst.normalisedCustomerGstin(), now, caller.userId(), now, 1);
        orders.insert(order, List.of(events.created(order, caller.userId())));
        outbox.wake(order.id());
        metrics.created(order);
        return order;
    }

    /**
     * The GST an order of this amount would carry, by the same rules and with the same 422s as a new order, so a
     * client can show the breakdown before anything is saved. Nothing is stored or published.
     */
    Tax previewTax(Caller caller, OrderRequests.TaxPreview request) {
        if (request == null) {
            throw ApiException.invalid("amount", "is required");
        }
        long amount = Amounts.paise("amount", request.amount());
        requireGstRate(request.gst());
        CompanySettings company = requireOrderModule(caller);
        return taxes.assess(caller.companyId(), company, amount, Boolean.TRUE.equals(request.amountIncludesTax()),
                OrderRequests.Gst.terms(request.gst()));
    }

    /**
     * An order of the caller's company. Admins and managers see every one without asking about the lead (it was
     * checked when the order was created, so reads keep working while lead-service is down); an agent only those of
     * leads assigned to them.
     */
    Order find(Caller caller, String authorization, String orderId) {
        Order order = orders.find(caller.companyId(), orderId).orElseThrow(() -> orderNotFound(orderId));
        if (caller.role() == Role.AGENT) {
            leads.requireOrNotFound(caller, order.leadId(), authorization, () -> orderNotFound(orderId));
        }
        return order;
    }

    /** Orders of one lead (404 unless the caller may see the lead), or of the whole company, newest first. */
    List<Order> list(Caller caller, String authorization, String leadId) {
        if (leadId != null) {
            leads.require(caller, leadId, authorization);
            return orders.list(caller.companyId(), leadId);
        }
        List<Order> all = orders.list(caller.companyId(), null);
        if (caller.role() != Role.AGENT) {
            return all;
        }
        return all.stream().filter(order -> leads.knownAndVisible(caller, order.leadId())).toList();
    }

    /**
     * Changes the payment; with {@code ifMatch} (the version the client read, from {@code If-Match}) only that version
     * is changed, never a newer one: another device's change in between answers 412 with {@code currentVersion}.
     */
    Order changePayment(Caller caller, String authorization, String orderId, ChangePayment change, Long ifMatch) {
        if (change == null || change.paymentStatus() == null && change.amountPaid() == null) {
            throw ApiException.invalid("paymentStatus", "or amountPaid is required");
        }
        Order order = find(caller, authorization, orderId);
        requireOrderModule(caller);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (ifMatch != null && ifMatch != order.version()) {
                throw changedSinceRead(orderId, order.version());
            }
            PaymentStatus from = order.paymentStatus();
            PaymentStatus to = change.paymentStatus() != null ? change.paymentStatus() : from;
            Long paid = PaymentAmounts.next(from, to, change.amountPaid(), order.tax().total(), order.amountPaid());
            if (to == from && Objects.equals(paid, order.amountPaid())) {
                return order; // nothing changes: no new version, no event
            }
            Order next = order.withPayment(to, paid, clock.instant());
            OutboxEvent event = to != from ? events.paymentStatusChanged(next, from, caller.userId())
                    : events.updated(next, caller.userId());
            if (orders.compareAndSet(next, order.version(), List.of(event))) {
                outbox.wake(next.id());
                if (to != from) {
                    metrics.paymentChanged(next);
                }
                return next;
            }
            order = orders.find(caller.companyId(), orderId).orElseThrow(() -> orderNotFound(orderId));
        }
        throw new ApiException(HttpStatus.CONFLICT, "Concurrent change",
                "The order was changed by other requests at the same time; try again");
    }

    private static ApiException changedSinceRead(String orderId, long currentVersion) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "Precondition failed", "Order " + orderId
                + " changed since you read it (now version " + currentVersion + "); read it again and reapply your "
                + "change", "If-Match", Map.of("currentVersion", currentVersion));
    }

    private CompanySettings requireOrderModule(Caller caller) {
        CompanySettings company = companies.find(caller.companyId());
        if (!company.orderModuleEnabled()) {
            throw new ApiException(HttpStatus.CONFLICT, "Order module disabled",
                    "The Order module is switched off for this company; an admin can switch it on in Settings →"
                            + " Configurations (orderModule.enabled)");
        }
        return company;
    }

    private static void requireGstRate(OrderRequests.Gst gst) {
        if (gst != null && gst.rate() == null) {
            throw ApiException.invalid("gst.rate", "is required when gst is given");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        return value.trim();
    }

    private static ApiException orderNotFound(String orderId) {
        return ApiException.notFound("Order " + orderId + " does not exist");
    }
}
