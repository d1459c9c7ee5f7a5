package com.calliyo.lead.lead.domain;

/**
 * What a lead list asks for. {@code statusId} null means "every status except customers"; {@code assignedTo} is
 * forced to the caller for agents. {@code text} matches first or last name, phone or email.
 */
public record LeadFilter(String statusId, boolean includeCustomers, String tag, String assignedTo, String text,
                         String source, String campaign) {
}
