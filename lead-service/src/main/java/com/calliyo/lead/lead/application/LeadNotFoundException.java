package com.calliyo.lead.lead.application;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** The lead does not exist in the caller's company (a foreign lead is reported exactly like a missing one). */
public class LeadNotFoundException extends ApiException {

    public LeadNotFoundException(String leadId) {
        super(HttpStatus.NOT_FOUND, "Not found", "No lead with id " + leadId);
    }
}
