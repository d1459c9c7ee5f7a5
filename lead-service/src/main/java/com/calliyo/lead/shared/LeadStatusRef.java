package com.calliyo.lead.shared;

/** The status a lead is in, with the name it had when last written. */
public record LeadStatusRef(String id, String name, StatusKind kind) {

    public boolean isCustomer() {
        return kind == StatusKind.CUSTOMER;
    }
}
