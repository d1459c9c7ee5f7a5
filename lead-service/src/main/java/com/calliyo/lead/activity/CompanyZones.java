package com.calliyo.lead.activity;

import java.time.DateTimeException;
import java.time.ZoneId;

import com.calliyo.lead.company.Companies;
import com.calliyo.lead.company.Company;
import org.springframework.stereotype.Component;

/** The company's timezone: follow-up days, "due today" and "overdue" are all counted in it. */
@Component
public class CompanyZones {

    /** Only for a company stored without a valid zone (sign-up requires one): the product's home market. */
    static final ZoneId FALLBACK = ZoneId.of("Asia/Kolkata");

    private final Companies companies;

    CompanyZones(Companies companies) {
        this.companies = companies;
    }

    public ZoneId zoneOf(String companyId) {
        return companies.find(companyId).map(Company::timezone).map(CompanyZones::parse).orElse(FALLBACK);
    }

    private static ZoneId parse(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return FALLBACK;
        }
    }
}
