package com.calliyo.lead.lead.domain;

import java.time.Instant;

import com.calliyo.lead.shared.LeadStatusRef;

/** One entry of the lead's audit trail: who moved it from which status to which, and when. */
public record StatusTransition(Instant at, String by, LeadStatusRef from, LeadStatusRef to) {
}
