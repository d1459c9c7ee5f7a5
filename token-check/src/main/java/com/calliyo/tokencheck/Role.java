package com.calliyo.tokencheck;

/** A user's role, as lead-service puts it in the access token's {@code role} claim. */
public enum Role {
    ADMIN, MANAGER, AGENT;

    /** True for a claim value that names one of the roles exactly. */
    public static boolean isKnown(Object claim) {
        for (Role role : values()) {
            if (role.name().equals(claim)) {
                return true;
            }
        }
        return false;
    }
}
