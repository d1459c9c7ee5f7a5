package com.calliyo.order.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.servlet.CallerResolver;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.company.CompanySettings;
import com.calliyo.order.company.CompanySettingsStore;
import com.calliyo.order.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/orders/settings}: the GST rates orders may use (order-service's own setting; default 0, 5, 18,
 * 40), shown with what order-service knows from lead-service's company settings (Order module on or off, the
 * company GSTIN), which are changed in lead-service's Settings, not here.
 */
@RestController
@RequestMapping("/api/orders/settings")
class OrderSettingsController {

    private static final int MAX_RATES = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final OrderSettingsStore store;
    private final CompanySettingsStore companies;
    private final CallerResolver callers;

    OrderSettingsController(OrderSettingsStore store, CompanySettingsStore companies, CallerResolver callers) {
        this.store = store;
        this.companies = companies;
        this.callers = callers;
    }

    record SettingsBody(List<String> gstRates, Boolean orderModuleEnabled, String companyGstin) {
    }

    record SettingsChange(List<BigDecimal> gstRates) {
    }

    @GetMapping
    /** The company's order settings: allowed GST rates, the Order module switch and the company GSTIN. */
    SettingsBody settings() {
        return body(callers.current().companyId());
    }

    @PutMapping
    /** Replaces the allowed GST rates (ADMIN only); each 0 ≤ rate < 100 with at most 2 decimals. */
    SettingsBody change(@RequestBody SettingsChange change) {
        Caller caller = callers.current();
        if (caller.role() != Role.ADMIN) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can change the order settings");
        }
        store.save(caller.companyId(), new OrderSettings(validRates(change)), caller.userId());
        return body(caller.companyId());
    }

    private SettingsBody body(String companyId) {
        CompanySettings company = companies.find(companyId);
        return new SettingsBody(store.find(companyId).gstRateTexts(), company.orderModuleEnabled(), company.gstin());
    }

    private static List<BigDecimal> validRates(SettingsChange change) {
        if (change == null || change.gstRates() == null || change.gstRates().isEmpty()) {
            throw ApiException.invalid("gstRates", "must list at least one rate");
        }
        if (change.gstRates().size() > MAX_RATES) {
            throw ApiException.invalid("gstRates", "must list at most " + MAX_RATES + " rates");
        }
        List<BigDecimal> rates = new ArrayList<>();
        for (BigDecimal rate : change.gstRates()) {
            if (rate == null || rate.signum() < 0 || rate.compareTo(HUNDRED) >= 0
                    || rate.stripTrailingZeros().scale() > 2) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                        "must hold rates from 0 to below 100 with at most 2 decimals, not " + rate, "gstRates",
                        Map.of());
            }
            if (rates.stream().noneMatch(r -> r.compareTo(rate) == 0)) {
                rates.add(rate);
            }
        }
        rates.sort(BigDecimal::compareTo);
        return rates;
    }
}
