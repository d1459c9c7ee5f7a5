package com.calliyo.web.leads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** Who may take leads, and giving leads to them: one at a time or many (admins and managers only). */
@Component
class AssignmentApi {

    private final GatewayApi api;

    AssignmentApi(GatewayApi api) {
        this.api = api;
    }

    /** The company's users (the first 100, which is a team's size); callers keep those who can take leads. */
    List<Agent> users() {
        return api.get("/api/users?size=100", new ParameterizedTypeReference<Page<Agent>>() { }).items();
    }

    List<Agent> agents() {
        return users().stream().filter(Agent::canTakeLeads).toList();
    }

    /**
     * The users for pickers and names beside a list or panel that must show anyway: if they cannot be read right
     * now, none (the assign forms then offer no agent, and ids stand in for names).
     */
    List<Agent> usersOrNone() {
        try {
            return users();
        } catch (com.calliyo.web.api.ApiException e) {
            return List.of();
        }
    }

    Lead assign(String leadId, String agentId, boolean force) {
        return api.put("/api/leads/{id}/assignee" + (force ? "?force=true" : ""), agentBody(agentId), Lead.class,
                leadId);
    }

    BulkResult bulkAssign(List<String> leadIds, String agentId, boolean force) {
        Map<String, Object> body = agentBody(agentId);
        body.put("leadIds", leadIds);
        return api.post("/api/leads/bulk-assign" + (force ? "?force=true" : ""), body, BulkResult.class, Map.of());
    }

    private static Map<String, Object> agentBody(String agentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agentId", agentId == null ? "" : agentId);
        return body;
    }

    /** lead-service's answer to a bulk assign: what was assigned, and each lead left out with its reason. */
    public record BulkResult(int assigned, int skipped, List<Skipped> skippedLeads) {

        public BulkResult {
            skippedLeads = skippedLeads == null ? List.of() : List.copyOf(skippedLeads);
        }
    }

    public record Skipped(String leadId, String reason) {

        /** The reason in the product's words. */
        public String words() {
            return switch (reason == null ? "" : reason) {
                case "AT_CAP" -> "the agent has reached their lead cap";
                case "CUSTOMER" -> "it is already a customer";
                case "ALREADY_ASSIGNED" -> "the agent already has it";
                case "NOT_FOUND" -> "it no longer exists";
                case "CONCURRENT_CHANGE" -> "someone changed it at the same moment; try again";
                default -> reason;
            };
        }
    }
}
