package com.calliyo.web.settings.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Add user" as typed, and the body of {@code POST /api/users}: blank optional fields are left out, the lead cap
 * is sent as typed so the API names it when it is not a whole number.
 */
public record UserForm(String name, String email, String password, String role, String leadCap, String phone,
                       String branch, String department) {

    public static final List<String> ROLES = List.of("AGENT", "MANAGER", "ADMIN");

    public static UserForm blank() {
        return new UserForm("", "", "", "AGENT", "", "", "", "");
    }

    /** What is shown again after a refusal: everything but the password. */
    public UserForm withoutPassword() {
        return new UserForm(name, email, "", role, leadCap, phone, branch, department);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email == null ? null : email.trim());
        body.put("password", password);
        body.put("role", role);
        putIfPresent(body, "leadCap", leadCap);
        putIfPresent(body, "phone", phone);
        putIfPresent(body, "branch", branch);
        putIfPresent(body, "department", department);
        return body;
    }

    static void putIfPresent(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value.trim());
        }
    }
}
