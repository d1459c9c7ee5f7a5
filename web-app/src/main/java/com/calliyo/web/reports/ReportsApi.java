package com.calliyo.web.reports;

import java.time.LocalDate;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.shared.Times;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** reporting-service's reports; dates are local dates in the company's timezone, as the API takes them. */
@Component
public class ReportsApi {

    private static final ParameterizedTypeReference<Report> REPORT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<AttendanceDays> ATTENDANCE =
            new ParameterizedTypeReference<>() { };

    private final GatewayApi api;
    private final Times times;

    ReportsApi(GatewayApi api, Times times) {
        this.api = api;
        this.times = times;
    }

    public Report report(String name, String groupBy, LocalDate from, LocalDate to) {
        return read(name, groupBy, new ReportPeriod(ReportPeriod.Preset.CUSTOM, from, to), Basis.CONVERSION);
    }

    public Report read(String name, String groupBy, ReportPeriod period, Basis basis) {
        return api.get(uri -> {
            uri.path("/api/reports/" + name);
            if (groupBy != null) {
                uri.queryParam("groupBy", groupBy);
            }
            if (period.from() != null) {
                uri.queryParam("from", period.from());
            }
            if (period.to() != null) {
                uri.queryParam("to", period.to());
            }
            return uri.queryParam("basis", basis.param()).build();
        }, REPORT);
    }

    /** Attendance per agent and day in the period (lead-service; admins and managers only). */
    public AttendanceDays attendance(ReportPeriod period) {
        return api.get(uri -> {
            uri.path("/api/reports/attendance");
            if (period.from() != null) {
                uri.queryParam("from", period.from());
            }
            if (period.to() != null) {
                uri.queryParam("to", period.to());
            }
            return uri.build();
        }, ATTENDANCE);
    }

    /** Today in the company's timezone (a day's figures start at the company's midnight, not the server's). */
    public LocalDate companyToday() {
        return LocalDate.now(times.zone());
    }
}
