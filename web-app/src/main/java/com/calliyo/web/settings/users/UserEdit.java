package com.calliyo.web.settings.users;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edit form of one user, and the body of {@code PATCH /api/users/{id}}. The "Banned" checkbox sends nothing
 * when unticked, so a missing value means not banned. A blank lead cap is left out (the API has no way to clear
 * one yet).
 */
public record UserEdit(String role, String leadCap, String branch, String department, String banned) {

    static UserEdit of(TeamUser user) {
        return new UserEdit(user.role(), user.leadCap() == null ? "" : user.leadCap().toString(),
                nullToBlank(user.branch()), nullToBlank(user.department()), user.banned() ? "true" : null);
    }

    public boolean isBanned() {
        return banned != null && !banned.isBlank() && !"false".equals(banned);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        UserForm.putIfPresent(body, "leadCap", leadCap);
        UserForm.putIfPresent(body, "branch", branch);
        UserForm.putIfPresent(body, "department", department);
        body.put("banned", isBanned());
        return body;
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
    }
}
