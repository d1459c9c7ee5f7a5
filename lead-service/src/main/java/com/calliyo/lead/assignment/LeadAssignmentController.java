package com.calliyo.lead.assignment;

import java.util.List;

import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.lead.web.LeadResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manual assignment (ADMIN, MANAGER); {@code ?force=true} lets an admin go above the agent's lead cap. Under the
 * lead's paths but kept here, so that the lead feature does not depend on assignment.
 */
@RestController
class LeadAssignmentController {

    private final AssignLead assignLead;
    private final CallerResolver callers;

    LeadAssignmentController(AssignLead assignLead, CallerResolver callers) {
        this.assignLead = assignLead;
        this.callers = callers;
    }

    @Operation(summary = "Assign the lead to an agent; Unassigned → Assigned; 409 at the agent's lead cap "
            + "(admins may force) or for a customer; 422 naming agentId when the user cannot take leads")
    @PutMapping("/api/leads/{id}/assignee")
    LeadResponse assign(@PathVariable String id, @RequestBody AssigneeRequest request,
                        @RequestParam(defaultValue = "false") boolean force) {
        return LeadResponse.of(assignLead.assign(callers.current(), id, request.agentId(), force));
    }

    @Operation(summary = "Assign many leads to one agent → {assigned, skipped, skippedLeads:[{leadId, reason}]}")
    @PostMapping("/api/leads/bulk-assign")
    AssignLead.BulkResult assignAll(@RequestBody BulkAssignRequest request,
                                    @RequestParam(defaultValue = "false") boolean force) {
        return assignLead.assignAll(callers.current(), request.leadIds(), request.agentId(), force);
    }

    record AssigneeRequest(String agentId) {
    }

    record BulkAssignRequest(List<String> leadIds, String agentId) {
    }
}
