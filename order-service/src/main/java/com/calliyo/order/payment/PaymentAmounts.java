package com.calliyo.order.payment;

import java.math.BigDecimal;
import java.util.Map;

import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.gst.Amounts;
import com.calliyo.order.gst.domain.Money;
import com.calliyo.order.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * How much of an order is paid once its payment status is set: PAID is the whole total; PARTIALLY_PAID needs an
 * {@code amountPaid} below the total (and, when it was already partially paid, above what was paid); every other
 * status takes no {@code amountPaid} and keeps what was paid. Amounts are paise; refusals are the client's 409/422s.
 */
public final class PaymentAmounts {

    private PaymentAmounts() {
    }

    /** amountPaid of a new order created with {@code status}; a new order cannot start REFUNDED. */
    public static Long initial(PaymentStatus status, BigDecimal amountPaid, long total) {
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

    /** amountPaid after moving from {@code from} (with {@code paid} so far) to {@code to}, by the allowed transitions. */
    public static Long next(PaymentStatus from, PaymentStatus to, BigDecimal amountPaid, long total, Long paid) {
        if (to != from && !PaymentTransitions.isAllowed(from, to)) {
            throw new ApiException(HttpStatus.CONFLICT, "Illegal payment status change",
                    "cannot change from " + from + " to " + to, "paymentStatus",
                    Map.of("from", from.name(), "to", to.name(), "allowed", PaymentTransitions.from(from)));
        }
        if (to == PaymentStatus.PARTIALLY_PAID) {
            return partial(amountPaid, total, from == PaymentStatus.PARTIALLY_PAID ? paid : null);
        }
        noAmountPaid(amountPaid, to);
        // Boxed on purpose: a new PENDING order has no amountPaid, and a primitive branch would unbox the other.
        return to == PaymentStatus.PAID ? Long.valueOf(total) : paid;
    }

    private static long partial(BigDecimal amountPaid, long total, Long before) {
        if (amountPaid == null) {
            throw ApiException.invalid("amountPaid", "is required with PARTIALLY_PAID");
        }
        long paid = Amounts.paise("amountPaid", amountPaid);
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
}
