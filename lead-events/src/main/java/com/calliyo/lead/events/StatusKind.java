package com.calliyo.lead.events;

/** What a status means to the lifecycle. Consumers test the kind, never the (renameable) status name. */
public enum StatusKind {
    UNASSIGNED, FOLLOWUPS, CUSTOMER, OTHER
}
