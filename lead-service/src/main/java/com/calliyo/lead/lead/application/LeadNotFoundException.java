package com.calliyo.lead.lead.application;

/** The lead does not exist in the caller's company (a foreign lead is reported exactly like a missing one). */
public class LeadNotFoundException extends RuntimeException {

    public LeadNotFoundException(String leadId) {
        super("No lead with id " + leadId);
    }
}
