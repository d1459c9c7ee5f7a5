package com.calliyo.web.settings.users;

import java.util.Locale;

/** A user of the company as lead-service lists them (never a password hash). */
public record TeamUser(String id, String name, String email, String role, String phone, Integer leadCap,
                       String branch, String department, boolean banned) {

    public String roleLabel() {
        return role == null ? "" : role.charAt(0) + role.substring(1).toLowerCase(Locale.ROOT);
    }
}
