package com.calliyo.lead.events;

/** A pipeline status as it was when the event was published. */
public record StatusRef(String id, String name, StatusKind kind) {

    public boolean isCustomer() {
        return kind == StatusKind.CUSTOMER;
    }
}
