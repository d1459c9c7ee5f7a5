package com.calliyo.web.leads;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Edit details" (first and last name, email, tags; source, campaign and phone are fixed at capture and not
 * offered) and "Assign" from the lead panel.
 */
@Controller
class LeadEditController {

    static final String EDIT_VIEW = "leads/edit";

    private final LeadsApi leads;
    private final AssignmentApi assignment;
    private final LeadPanel panel;

    LeadEditController(LeadsApi leads, AssignmentApi assignment, LeadPanel panel) {
        this.leads = leads;
        this.assignment = assignment;
        this.panel = panel;
    }

    @GetMapping("/leads/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Lead lead = leads.get(id);
        model.addAttribute("lead", lead);
        model.addAttribute("form", LeadForms.Details.of(lead));
        return EDIT_VIEW;
    }

    @PostMapping("/leads/{id}/details")
    String save(@PathVariable String id, LeadForms.Details form, Model model, HttpServletResponse response) {
        try {
            leads.edit(id, form.body());
            return "redirect:/leads/" + id + "?saved";
        } catch (ApiException e) {
            model.addAttribute("lead", leads.get(id));
            model.addAttribute("form", form);
            return FormProblem.render(e, model, response, EDIT_VIEW);
        }
    }

    @PostMapping("/leads/{id}/assignee")
    String assign(@PathVariable String id, LeadForms.Assign form, Model model, HttpServletResponse response) {
        try {
            assignment.assign(id, form.agentId(), Boolean.TRUE.equals(form.force()));
            return "redirect:/leads/" + id + "?assigned";
        } catch (ApiException e) {
            model.addAttribute("assign", form);
            FormProblem.render(e, model, response, LeadPanel.VIEW);
            return panel.show(id, model);
        }
    }
}
