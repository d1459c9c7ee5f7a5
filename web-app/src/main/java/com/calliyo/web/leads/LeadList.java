package com.calliyo.web.leads;

import java.util.List;

import com.calliyo.web.auth.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The Leads list as the page shows it: one page of leads, the filters, and for admins and managers the agents. */
@Component
class LeadList {

    static final String VIEW = "leads/list";

    private final LeadsApi leads;
    private final AssignmentApi assignment;

    LeadList(LeadsApi leads, AssignmentApi assignment) {
        this.leads = leads;
        this.assignment = assignment;
    }

    String show(String status, String q, int page, Model model) {
        model.addAttribute("page", leads.list(status, q, page));
        model.addAttribute("statuses", leads.statuses());
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("q", q == null ? "" : q);
        Viewer viewer = LeadPanel.viewer();
        boolean canAssign = viewer != null && !viewer.isAgent();
        model.addAttribute("canAssign", canAssign);
        model.addAttribute("agents", canAssign
                ? assignment.usersOrNone().stream().filter(Agent::canTakeLeads).toList() : List.of());
        return VIEW;
    }
}
