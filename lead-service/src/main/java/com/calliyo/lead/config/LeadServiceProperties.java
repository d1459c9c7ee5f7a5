package com.calliyo.lead.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** lead-service settings; the defaults stand in for the signed-in company and user until issue 3. */
@ConfigurationProperties("lead")
public record LeadServiceProperties(String defaultCompanyId, String defaultUserId, String defaultPhoneRegion) {

    public LeadServiceProperties {
        defaultCompanyId = defaultCompanyId == null ? "demo-company" : defaultCompanyId;
        defaultUserId = defaultUserId == null ? "demo-admin" : defaultUserId;
        defaultPhoneRegion = defaultPhoneRegion == null ? "IN" : defaultPhoneRegion;
    }
}
