package com.calliyo.lead.lead.web;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.lead.domain.CaptureChannel;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.shared.LeadStatusRef;

public record LeadResponse(String id, String firstName, String lastName, String phone, String email, List<String> tags,
                           LeadStatusRef status, String assignedTo, String source, String campaign,
                           CaptureChannel captureChannel, String channelRef, long version,
                           Instant convertedAt, String convertedBy, Instant createdAt, Instant updatedAt) {

    public static LeadResponse of(Lead lead) {
        return new LeadResponse(lead.id(), lead.firstName(), lead.lastName(), lead.phone(), lead.email(),
                lead.tags(), lead.status(), lead.assignedTo(), lead.source(), lead.campaign(),
                lead.captureChannel(), lead.channelRef(), lead.version(),
                lead.convertedAt(), lead.convertedBy(), lead.createdAt(), lead.updatedAt());
    }
}
