package com.calliyo.lead.lead.domain;

import java.time.Instant;

import com.calliyo.lead.shared.StatusKind;

/**
 * The few fields of a lead that assignment decisions need, read for a whole company in one scan: its version (a plan
 * is written only if the lead has not changed since), its status, who holds it, when it was captured (oldest first)
 * and when it last changed (stale-lead clean-up).
 */
public record LeadAssignmentView(String id, long version, String statusId, StatusKind statusKind, String assignedTo,
                                 Instant createdAt, Instant updatedAt) {
}
