package com.calliyo.lead.caller;

import com.calliyo.lead.config.LeadServiceProperties;
import org.springframework.stereotype.Component;

/**
 * Resolves the caller of the current request. Until sign-in lands (issue 3) every request acts for the one
 * configured company and user; then the company and user come from the verified token, and only from there.
 */
@Component
public class CallerResolver {

    private final LeadServiceProperties properties;

    CallerResolver(LeadServiceProperties properties) {
        this.properties = properties;
    }

    public Caller current() {
        return new Caller(properties.defaultCompanyId(), properties.defaultUserId(), Role.ADMIN);
    }
}
