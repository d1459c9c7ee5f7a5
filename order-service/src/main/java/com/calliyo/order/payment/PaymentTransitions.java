package com.calliyo.order.payment;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.calliyo.order.events.PaymentStatus;

import static com.calliyo.order.events.PaymentStatus.FAILED;
import static com.calliyo.order.events.PaymentStatus.PAID;
import static com.calliyo.order.events.PaymentStatus.PARTIALLY_PAID;
import static com.calliyo.order.events.PaymentStatus.PENDING;
import static com.calliyo.order.events.PaymentStatus.REFUNDED;

/**
 * Which payment status may follow which. Money that was received can only be refunded, not "fail" afterwards; a
 * failed attempt can be retried (back to PENDING) or simply succeed later; a refund is final.
 * <pre>
 * PENDING        → PARTIALLY_PAID, PAID, FAILED
 * PARTIALLY_PAID → PARTIALLY_PAID (more was paid), PAID, FAILED, REFUNDED
 * PAID           → REFUNDED
 * FAILED         → PENDING, PARTIALLY_PAID, PAID
 * REFUNDED       → (none)
 * </pre>
 * Staying in the same status is allowed only for PARTIALLY_PAID (a changed amountPaid); any other "same status" is a
 * no-op the service answers without a change.
 */
public final class PaymentTransitions {

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = new EnumMap<>(PaymentStatus.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(PARTIALLY_PAID, PAID, FAILED));
        ALLOWED.put(PARTIALLY_PAID, EnumSet.of(PARTIALLY_PAID, PAID, FAILED, REFUNDED));
        ALLOWED.put(PAID, EnumSet.of(REFUNDED));
        ALLOWED.put(FAILED, EnumSet.of(PENDING, PARTIALLY_PAID, PAID));
        ALLOWED.put(REFUNDED, EnumSet.noneOf(PaymentStatus.class));
    }

    private PaymentTransitions() {
    }

    public static boolean isAllowed(PaymentStatus from, PaymentStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The statuses that may follow {@code status} (a copy). */
    public static Set<PaymentStatus> from(PaymentStatus status) {
        return EnumSet.copyOf(ALLOWED.get(status));
    }
}
