package com.calliyo.customer.caller;

import java.util.Objects;

/**
 * Who is asking, from the verified access token: the company every query is scoped to, the user and their role.
 * customer-service keeps its own copy of this small type on purpose (the services share no code, only contracts).
 */
public record Caller(String companyId, String userId, Role role) {

    public Caller {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
