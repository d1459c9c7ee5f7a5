package com.calliyo.lead.caller;

/** A user's role; it decides what the user may do (see the contract's "who" columns). */
public enum Role {
    ADMIN, MANAGER, AGENT
}
