package com.calliyo.web.leads;

/** A step of the company's pipeline; {@code kind} CUSTOMER is the one that converts. */
public record Status(String id, String name, String kind) {

    public boolean isCustomer() {
        return "CUSTOMER".equals(kind);
    }
}
