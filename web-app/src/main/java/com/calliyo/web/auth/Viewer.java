package com.calliyo.web.auth;

import java.util.Locale;

/** Who is looking at the page, from the verified access token (the name from its own cookie, for display only). */
public record Viewer(String id, String name, String role, String companyId) {

    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }

    public boolean isAgent() {
        return "AGENT".equals(role);
    }

    /** "Agent", "Manager", "Admin": how the role reads in a sentence. */
    public String roleLabel() {
        return role == null || role.isEmpty() ? "Unknown"
                : role.charAt(0) + role.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Agents start their day on Tasks; admins and managers on the dashboard. */
    public String landingPage() {
        return isAgent() ? "/tasks" : "/dashboard";
    }
}
