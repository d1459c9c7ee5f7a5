package com.calliyo.lead.status;

import com.calliyo.lead.shared.StatusKind;
import com.fasterxml.jackson.annotation.JsonProperty;

record StatusResponse(String id, String name, StatusKind kind, @JsonProperty("protected") boolean protectedStatus,
                      int position) {

    static StatusResponse of(LeadStatus status) {
        return new StatusResponse(status.id(), status.name(), status.kind(), status.protectedStatus(),
                status.position());
    }
}
