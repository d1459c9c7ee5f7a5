package com.calliyo.web.leads;

/** A user of the company as the assign pickers show them; only unbanned agents can take leads. */
public record Agent(String id, String name, String email, String role, Integer leadCap, boolean banned) {

    public boolean canTakeLeads() {
        return "AGENT".equals(role) && !banned;
    }

    public String label() {
        return leadCap == null ? name : name + " (cap " + leadCap + ")";
    }
}
