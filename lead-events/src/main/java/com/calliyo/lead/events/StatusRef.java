package com.calliyo.lead.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A pipeline status as it was when the event was published. */
public record StatusRef(String id, String name, StatusKind kind) {

    /** A convenience for consumers; not part of the wire format. */
    @JsonIgnore
    public boolean isCustomer() {
        return kind == StatusKind.CUSTOMER;
    }
}
