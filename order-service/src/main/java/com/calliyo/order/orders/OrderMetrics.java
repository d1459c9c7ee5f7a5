package com.calliyo.order.orders;

import java.util.Locale;

import com.calliyo.order.events.PaymentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The business counters of orders, counted once the write is stored: {@value #PLACED} (tagged
 * {@code payment_status} as created), {@value #BOOKED} (the orders' totals with tax, in rupees: revenue booked) and
 * {@value #PAYMENT_CHANGES} (tagged {@code to}, the new payment status). Registered at start, so rates start at 0.
 */
@Component
class OrderMetrics {

    // not "...created": the Prometheus client drops a counter's "_created" suffix (an OpenMetrics timestamp name)
    static final String PLACED = "calliyo.orders.placed";
    static final String BOOKED = "calliyo.orders.booked.rupees";
    static final String PAYMENT_CHANGES = "calliyo.orders.payment.changes";

    private static final double PAISE_PER_RUPEE = 100.0;

    private final MeterRegistry meters;
    private final Counter booked;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (PaymentStatus status : PaymentStatus.values()) {
            created(status);
            paymentChanged(status);
        }
        booked = Counter.builder(BOOKED).description("Totals (tax included) of the orders created, in rupees")
                .register(meters);
    }

    void created(Order order) {
        created(order.paymentStatus()).increment();
        booked.increment(order.tax().total() / PAISE_PER_RUPEE);
    }

    void paymentChanged(Order order) {
        paymentChanged(order.paymentStatus()).increment();
    }

    private Counter created(PaymentStatus status) {
        return Counter.builder(PLACED).description("Orders created, by their payment status then")
                .tag("payment_status", status.name().toLowerCase(Locale.ROOT)).register(meters);
    }

    private Counter paymentChanged(PaymentStatus to) {
        return Counter.builder(PAYMENT_CHANGES).description("Payment status changes of orders, by the new status")
                .tag("to", to.name().toLowerCase(Locale.ROOT)).register(meters);
    }
}
