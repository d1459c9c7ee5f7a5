package com.calliyo.web.conversion;

import java.util.List;

/** order-service's view of the company: the GST rates it allows and whether the Order module is on. */
public record OrderSettings(List<String> gstRates, boolean orderModuleEnabled, String companyGstin) {

    public OrderSettings {
        gstRates = gstRates == null ? List.of("0") : List.copyOf(gstRates);
    }
}
