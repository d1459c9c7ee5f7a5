package com.calliyo.lead.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** lead-service settings: the region used to read phone numbers written without a country code. */
@ConfigurationProperties("lead")
public record LeadServiceProperties(String defaultPhoneRegion) {

    public LeadServiceProperties {
        defaultPhoneRegion = defaultPhoneRegion == null ? "IN" : defaultPhoneRegion;
    }
}
