package com.calliyo.web.leads;

import java.util.List;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.ApiProblem;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bulk assign on the Leads list: the ticked leads go to one agent; the list comes back with what was assigned and,
 * per lead left out, why (the agent's lead cap reached, already a customer, ...).
 */
@Controller
class BulkAssignController {

    private final AssignmentApi assignment;
    private final LeadList list;

    BulkAssignController(AssignmentApi assignment, LeadList list) {
        this.assignment = assignment;
        this.list = list;
    }

    @PostMapping("/leads/bulk-assign")
    String assign(@RequestParam(required = false) List<String> leadIds, @RequestParam(required = false) String agentId,
                  @RequestParam(defaultValue = "false") boolean force, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
                  HttpServletResponse response) {
        try {
            if (leadIds == null || leadIds.isEmpty()) {
                throw new ApiException(new ApiProblem(400, "Bad request", "Tick the leads to assign first",
                        Map.of("leadIds", "Tick at least one lead"), Map.of()));
            }
            AssignmentApi.BulkResult result = assignment.bulkAssign(leadIds, agentId, force);
            model.addAttribute("bulk", result);
            model.addAttribute("bulkAgent", assignment.agents().stream().filter(a -> a.id().equals(agentId))
                    .map(Agent::name).findFirst().orElse("the agent"));
        } catch (ApiException e) {
            FormProblem.render(e, model, response, LeadList.VIEW);
        }
        String view = list.show(status, q, page, model);
        if (model.getAttribute("page") instanceof com.calliyo.web.api.Page<?> shown) {
            // Skipped leads are named as the list shows them (they were not assigned, so they are usually still there).
            model.addAttribute("leadNames", shown.items().stream().map(Lead.class::cast)
                    .collect(java.util.stream.Collectors.toMap(Lead::id, Lead::fullName, (a, b) -> a)));
        }
        return view;
    }
}
