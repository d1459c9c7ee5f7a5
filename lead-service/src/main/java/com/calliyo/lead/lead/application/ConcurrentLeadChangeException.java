package com.calliyo.lead.lead.application;

/** The lead kept changing underneath this request; the client may retry. */
public class ConcurrentLeadChangeException extends RuntimeException {

    public ConcurrentLeadChangeException(String leadId) {
        super("Lead " + leadId + " was changed by another request at the same time; try again");
    }
}
