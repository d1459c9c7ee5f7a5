package com.calliyo.web.leads;

import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.ApiProblem;
import com.calliyo.web.shared.FormProblem;
import com.calliyo.web.shared.Times;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Schedule follow-up" (a date and time in company time) and "Resolve" on the lead panel. */
@Controller
class FollowUpController {

    private final FollowUpsApi followUps;
    private final LeadPanel panel;
    private final Times times;

    FollowUpController(FollowUpsApi followUps, LeadPanel panel, Times times) {
        this.followUps = followUps;
        this.panel = panel;
        this.times = times;
    }

    @PostMapping("/leads/{id}/follow-ups")
    String schedule(@PathVariable String id, LeadForms.FollowUp form, Model model, HttpServletResponse response) {
        try {
            var at = FollowUpTimes.parse(form.scheduledAt(), times.zone()).orElseThrow(() -> new ApiException(
                    new ApiProblem(400, "Bad request", "Check the follow-up's date and time",
                            Map.of("scheduledAt", "Pick a date and a time"), Map.of())));
            followUps.schedule(id, at, form.note());
            return "redirect:/leads/" + id + "?scheduled";
        } catch (ApiException e) {
            model.addAttribute("followUp", form);
            FormProblem.render(e, model, response, LeadPanel.VIEW);
            return panel.show(id, model);
        }
    }

    @PostMapping("/leads/{id}/follow-ups/{followUpId}/resolve")
    String resolve(@PathVariable String id, @PathVariable String followUpId, Model model,
                   HttpServletResponse response) {
        try {
            followUps.resolve(followUpId);
            return "redirect:/leads/" + id;
        } catch (ApiException e) {
            FormProblem.render(e, model, response, LeadPanel.VIEW);
            return panel.show(id, model);
        }
    }
}
