package com.calliyo.web.leads;

import java.util.List;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.ApiProblem;
import com.calliyo.web.conversion.OrdersApi;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Leads: the filtered list, "Add lead" and the lead panel (details, status, calls, notes, timeline). Forms post
 * and redirect; htmx posts the same forms and picks the part of the answer that changed.
 */
@Controller
class LeadsController {

    private final LeadsApi leads;
    private final OrdersApi orders;
    private final LeadList list;
    private final LeadPanel panel;

    LeadsController(LeadsApi leads, OrdersApi orders, LeadList list, LeadPanel panel) {
        this.leads = leads;
        this.orders = orders;
        this.list = list;
        this.panel = panel;
    }

    @GetMapping("/leads")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return list.show(status, q, page, model);
    }

    @GetMapping("/leads/new")
    String newLead(Model model) {
        model.addAttribute("form", LeadForms.NewLead.blank());
        return "leads/new";
    }

    @PostMapping("/leads")
    String create(LeadForms.NewLead form, Model model, HttpServletResponse response) {
        LeadForms.NewLead keyed = form.withKey(form.idempotencyKey());
        try {
            Lead lead = leads.create(keyed.body(), keyed.idempotencyKey());
            return "redirect:/leads/" + lead.id();
        } catch (ApiException e) {
            // A corrected form is a different request: it gets a fresh key, a retry of this one keeps it.
            model.addAttribute("form", e.problem().isTemporary() ? keyed : keyed.withKey(null));
            model.addAttribute("existingLeadId", e.status() == 409 ? e.problem().extra("existingLeadId") : null);
            return FormProblem.render(e, model, response, "leads/new");
        }
    }

    @GetMapping("/leads/{id}")
    String panel(@PathVariable String id, Model model) {
        return panel(id, model, LeadForms.Call.blank(), LeadForms.Note.blank());
    }

    @PostMapping("/leads/{id}/status")
    String changeStatus(@PathVariable String id, @RequestParam String statusId, Model model,
                        HttpServletResponse response) {
        Lead lead = leads.get(id);
        Status target = leads.statuses().stream().filter(status -> status.id().equals(statusId)).findFirst()
                .orElseThrow(() -> new ApiException(new ApiProblem(400, "Unknown status",
                        "That status is no longer in the pipeline; reload the page", java.util.Map.of(),
                        java.util.Map.of())));
        if (target.isCustomer() && !lead.isCustomer() && orders.orderModuleEnabled()) {
            return "redirect:/leads/" + id + "/convert";
        }
        try {
            leads.changeStatus(id, statusId);
        } catch (ApiException e) {
            FormProblem.render(e, model, response, "leads/panel");
            return panel(id, model, LeadForms.Call.blank(), LeadForms.Note.blank());
        }
        return target.isCustomer() ? "redirect:/customers/" + id + "?converted" : "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/calls")
    String logCall(@PathVariable String id, LeadForms.Call call, Model model, HttpServletResponse response) {
        int duration;
        try {
            duration = Integer.parseInt(call.durationSeconds() == null ? "" : call.durationSeconds().trim());
        } catch (NumberFormatException e) {
            ApiException local = new ApiException(new ApiProblem(400, "Bad request", "Check the call's duration",
                    java.util.Map.of("durationSeconds", "Enter the duration in whole seconds, 0 if not connected"),
                    java.util.Map.of()));
            FormProblem.render(local, model, response, "leads/panel");
            return panel(id, model, call, LeadForms.Note.blank());
        }
        try {
            leads.logCall(id, call.callStatus(), duration, call.note());
        } catch (ApiException e) {
            FormProblem.render(e, model, response, "leads/panel");
            return panel(id, model, call, LeadForms.Note.blank());
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/notes")
    String addNote(@PathVariable String id, LeadForms.Note note, Model model, HttpServletResponse response) {
        try {
            leads.addNote(id, note.text());
        } catch (ApiException e) {
            FormProblem.render(e, model, response, "leads/panel");
            return panel(id, model, LeadForms.Call.blank(), note);
        }
        return "redirect:/leads/" + id;
    }

    private String panel(String id, Model model, LeadForms.Call call, LeadForms.Note note) {
        model.addAttribute("call", call);
        model.addAttribute("note", note);
        return panel.show(id, model);
    }
}
