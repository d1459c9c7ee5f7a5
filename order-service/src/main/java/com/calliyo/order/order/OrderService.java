package com.calliyo.order.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.company.CompanySettings;
import com.calliyo.order.company.CompanySettingsStore;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.gst.GstCalculator;
import com.calliyo.order.gst.GstRequest;
import com.calliyo.order.gst.Gstin;
import com.calliyo.order.gst.Money;
import com.calliyo.order.gst.StateCodes;
import com.calliyo.order.gst.Tax;
import com.calliyo.order.leads.LeadAccess;
import com.calliyo.order.order.OrderRequests.ChangePayment;
import com.calliyo.order.order.OrderRequests.CreateOrder;
import com.calliyo.order.outbox.OrderOutbox;
import com.calliyo.order.outbox.OutboxEvent;
import com.calliyo.order.payment.PaymentTransitions;
import com.calliyo.order.settings.OrderSettings;
import com.calliyo.order.settings.OrderSettingsStore;
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
    private final OrderSettingsStore settings;
    private final Clock clock;
    private final OrderMetrics metrics;

    OrderService(Orders orders, OrderEvents events, OrderOutbox outbox, LeadAccess leads,
                 CompanySettingsStore companies, OrderSettingsStore settings, OrderMetrics metrics) {
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.leads = leads;
        this.companies = companies;
        this.settings = settings;
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
        long amount = paise("amount", request.amount());
        if (request.paymentStatus() == null) {
            throw ApiException.invalid("paymentStatus", "is required");
        }
        if (request.gst() != null && request.gst().rate() == null) {
            throw ApiException.invalid("gst.rate", "is required when gst is given");
        }
        CompanySettings company = requireOrderModule(caller);
        leads.require(caller, leadId, authorization);

        Tax tax = tax(caller, company, amount, Boolean.TRUE.equals(request.amountIncludesTax()), request.gst());
        Long paid = initialPayment(request.paymentStatus(), request.amountPaid(), tax.total());
        Instant now = clock.instant();
        Order order = new Order(UUID.randomUUID().toString(), caller.companyId(), leadId, plan, amount,
                Boolean.TRUE.equals(request.amountIncludesTax()), request.paymentStatus(), paid, tax,
                customerGstin(request.gst()), now, caller.userId(), now, 1);
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
        long amount = paise("amount", request.amount());
        if (request.gst() != null && request.gst().rate() == null) {
            throw ApiException.invalid("gst.rate", "is required when gst is given");
        }
        CompanySettings company = requireOrderModule(caller);
        return tax(caller, company, amount, Boolean.TRUE.equals(request.amountIncludesTax()), request.gst());
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
            Long paid = nextPayment(order, to, change.amountPaid());
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

    private Tax tax(Caller caller, CompanySettings company, long amount, boolean includesTax,
                    OrderRequests.Gst gst) {
        BigDecimal rate = gst == null ? BigDecimal.ZERO : gst.rate();
        OrderSettings allowed = settings.find(caller.companyId());
        if (gst != null && !allowed.allows(rate)) {
            throw ApiException.unprocessable("gst.rate", "must be one of the company's GST rates "
                    + allowed.gstRateTexts() + ", not " + OrderSettings.text(rate));
        }
        String customerState = null;
        if (gst != null && gst.customerGstin() != null && !gst.customerGstin().isBlank()) {
            String problem = Gstin.problem(gst.customerGstin()).orElse(null);
            if (problem != null) {
                throw ApiException.unprocessable("gst.customerGstin", problem);
            }
            customerState = Gstin.stateOf(gst.customerGstin());
        }
        String place = null;
        if (gst != null && gst.placeOfSupply() != null) {
            if (!StateCodes.isValid(gst.placeOfSupply())) {
                throw ApiException.unprocessable("gst.placeOfSupply",
                        "must be a two-digit GST state code from 01 to 38, not " + gst.placeOfSupply());
            }
            place = gst.placeOfSupply();
        }
        if (place == null) {
            place = customerState;
        }
        String companyState = company.state().orElse(null);
        if (rate.signum() > 0 && companyState == null) {
            throw ApiException.unprocessable("gst.rate", "cannot be charged before the company's GSTIN is set"
                    + " (Settings → Company profile): its state decides CGST + SGST or IGST");
        }
        return GstCalculator.compute(new GstRequest(amount, includesTax, rate, companyState, place));
    }

    private static Long initialPayment(PaymentStatus status, BigDecimal amountPaid, long total) {
        return switch (status) {
            case PARTIALLY_PAID -> partial(amountPaid, total, null);
            case PAID -> {
                noAmountPaid(amountPaid, status);
                yield total;
            }
            case REFUNDED -> throw ApiException.unprocessable("paymentStatus",
                    "cannot be REFUNDED for a new order: create it PAID, then refund it");
            default -> {
                noAmountPaid(amountPaid, status);
                yield null;
            }
        };
    }

    /** amountPaid after moving to {@code to}: PAID is the whole total; other statuses keep what was paid. */
    private static Long nextPayment(Order order, PaymentStatus to, BigDecimal amountPaid) {
        PaymentStatus from = order.paymentStatus();
        if (to != from && !PaymentTransitions.isAllowed(from, to)) {
            throw new ApiException(HttpStatus.CONFLICT, "Illegal payment status change",
                    "cannot change from " + from + " to " + to, "paymentStatus",
                    Map.of("from", from.name(), "to", to.name(), "allowed", PaymentTransitions.from(from)));
        }
        if (to == PaymentStatus.PARTIALLY_PAID) {
            return partial(amountPaid, order.tax().total(),
                    from == PaymentStatus.PARTIALLY_PAID ? order.amountPaid() : null);
        }
        noAmountPaid(amountPaid, to);
        // Boxed on purpose: a new PENDING order has no amountPaid, and a primitive branch would unbox the other.
        return to == PaymentStatus.PAID ? Long.valueOf(order.tax().total()) : order.amountPaid();
    }

    private static long partial(BigDecimal amountPaid, long total, Long before) {
        if (amountPaid == null) {
            throw ApiException.invalid("amountPaid", "is required with PARTIALLY_PAID");
        }
        long paid = paise("amountPaid", amountPaid);
        if (paid >= total) {
            throw ApiException.unprocessable("amountPaid", "must be less than the order total "
                    + Money.format(total) + " (use PAID when everything is paid)");
        }
        if (before != null && paid <= before) {
            throw ApiException.unprocessable("amountPaid", "must be more than the " + Money.format(before)
                    + " already paid");
        }
        return paid;
    }

    private static void noAmountPaid(BigDecimal amountPaid, PaymentStatus status) {
        if (amountPaid != null) {
            throw ApiException.unprocessable("amountPaid", "can only be given with PARTIALLY_PAID, not " + status);
        }
    }

    private static String customerGstin(OrderRequests.Gst gst) {
        return gst == null || gst.customerGstin() == null || gst.customerGstin().isBlank() ? null
                : Gstin.normalise(gst.customerGstin());
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        return value.trim();
    }

    private static long paise(String field, BigDecimal rupees) {
        if (rupees == null) {
            throw ApiException.invalid(field, "is required");
        }
        String problem = Money.problem(rupees);
        if (problem != null) {
            throw ApiException.unprocessable(field, problem);
        }
        return Money.toPaise(rupees);
    }

    private static ApiException orderNotFound(String orderId) {
        return ApiException.notFound("Order " + orderId + " does not exist");
    }
}
