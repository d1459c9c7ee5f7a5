package com.calliyo.order.gst;

import java.math.BigDecimal;

import com.calliyo.order.company.CompanySettings;
import com.calliyo.order.gst.domain.GstCalculator;
import com.calliyo.order.gst.domain.GstRequest;
import com.calliyo.order.gst.domain.GstTerms;
import com.calliyo.order.gst.domain.Gstin;
import com.calliyo.order.gst.domain.StateCodes;
import com.calliyo.order.gst.domain.Tax;
import com.calliyo.order.settings.OrderSettings;
import com.calliyo.order.settings.OrderSettingsStore;
import com.calliyo.order.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The GST an order carries, checked against the company's rules before {@link GstCalculator} computes it: the rate
 * must be one of the company's GST rates, a customer GSTIN must be valid (its state is the place of supply unless one
 * is given), a place of supply must be a state code, and a positive rate needs the company's own GSTIN, whose state
 * decides CGST + SGST or IGST. Each refusal is a 422 naming the field.
 */
@Component
public class OrderTaxes {

    private final OrderSettingsStore settings;

    OrderTaxes(OrderSettingsStore settings) {
        this.settings = settings;
    }

    /** {@code gst} null means the request gave no GST: rate 0, any rate list. */
    public Tax assess(String companyId, CompanySettings company, long amountPaise, boolean includesTax,
                      GstTerms gst) {
        BigDecimal rate = gst == null ? BigDecimal.ZERO : gst.rate();
        OrderSettings allowed = settings.find(companyId);
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
        return GstCalculator.compute(new GstRequest(amountPaise, includesTax, rate, companyState, place));
    }
}
