package com.calliyo.lead.shared;

/** What a pipeline status means to the lifecycle; rules test the kind, never the renameable name. */
public enum StatusKind {
    UNASSIGNED, FOLLOWUPS, CUSTOMER, OTHER
}
