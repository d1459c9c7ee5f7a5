package com.calliyo.tokencheck;

import java.util.Objects;

/**
 * Who is asking, from the verified access token: the company every query is scoped to, the user and their role.
 */
public record Caller(String companyId, String userId, Role role) {

    public Caller {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
