package com.calliyo.web.reports;

import java.time.LocalDate;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.shared.Times;
import org.springframework.stereotype.Component;

/** reporting-service's reports; dates are local dates in the company's timezone, as the API takes them. */
@Component
public class ReportsApi {

    private final GatewayApi api;
    private final Times times;

    ReportsApi(GatewayApi api, Times times) {
        this.api = api;
        this.times = times;
    }

    public Report report(String name, String groupBy, LocalDate from, LocalDate to) {
        return api.get(uri -> {
            uri.path("/api/reports/" + name);
            if (groupBy != null) {
                uri.queryParam("groupBy", groupBy);
            }
            if (from != null) {
                uri.queryParam("from", from);
            }
            if (to != null) {
                uri.queryParam("to", to);
            }
            return uri.build();
        }, new org.springframework.core.ParameterizedTypeReference<Report>() { });
    }

    /** Today in the company's timezone (a day's figures start at the company's midnight, not the server's). */
    public LocalDate companyToday() {
        return LocalDate.now(times.zone());
    }
}
