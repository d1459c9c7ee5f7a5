package com.calliyo.order.gst;

import java.math.BigDecimal;

import com.calliyo.order.gst.domain.Money;
import com.calliyo.order.web.ApiException;

/** Rupee amounts as a request gives them, checked and turned into paise, with the error the client gets if not. */
public final class Amounts {

    private Amounts() {
    }

    /** The amount in request field {@code field} as paise; 400 when it is missing, 422 when it cannot be an amount. */
    public static long paise(String field, BigDecimal rupees) {
        if (rupees == null) {
            throw ApiException.invalid(field, "is required");
        }
        String problem = Money.problem(rupees);
        if (problem != null) {
            throw ApiException.unprocessable(field, problem);
        }
        return Money.toPaise(rupees);
    }
}
