package com.calliyo.lead.events;

/**
 * Topic names and CloudEvents attributes of the lead contract. Records on {@link #LEAD_EVENTS} are keyed by
 * leadId, so every event of one lead stays ordered on one partition.
 */
public final class LeadEventTopics {

    public static final String LEAD_EVENTS = "crm.lead.events";
    public static final String LEAD_EVENTS_DLT = LEAD_EVENTS + "-dlt";
    public static final String COMPANY_EVENTS = "crm.company.events";
    public static final String COMPANY_EVENTS_DLT = COMPANY_EVENTS + "-dlt";

    /** The {@code ce_source} of every event lead-service publishes. */
    public static final String SOURCE = "/calliyo/lead-service";

    private LeadEventTopics() {
    }
}
