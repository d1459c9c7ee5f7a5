package com.calliyo.lead.lead.domain;

/** What a pipeline status means to the lifecycle; rules test the kind, never the renameable name. */
public enum StatusKind {
    UNASSIGNED, FOLLOWUPS, CUSTOMER, OTHER
}
