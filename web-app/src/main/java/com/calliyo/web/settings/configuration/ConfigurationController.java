package com.calliyo.web.settings.configuration;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.leads.LeadsApi;
import com.calliyo.web.leads.Status;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The company's configuration (daily call target, who sees customers, auto-assignment, top-up, stale leads, the
 * Order module), saved only with the admin's password, and the three jobs with "Run now" and their last run.
 */
@Controller
@RequestMapping("/settings/configuration")
class ConfigurationController {

    private static final String VIEW = "settings/configuration";

    private final ConfigurationApi configuration;
    private final LeadsApi leads;

    ConfigurationController(ConfigurationApi configuration, LeadsApi leads) {
        this.configuration = configuration;
        this.leads = leads;
    }

    @GetMapping
    String show(Model model) {
        return page(model, configuration.configuration());
    }

    @PostMapping
    String save(ConfigurationForm form, @RequestParam(defaultValue = "") String confirmPassword, Model model,
                HttpServletResponse response) {
        if (confirmPassword.isEmpty()) {
            model.addAttribute("problem", new FormProblem(400, "Nothing was saved: enter your password to confirm.",
                    Map.of("confirmPassword", "Enter your password to confirm the change"), false, Map.of()));
            response.setStatus(400);
            return page(model, form);
        }
        try {
            configuration.save(form, confirmPassword);
        } catch (ApiException e) {
            model.addAttribute("problem", problem(e));
            response.setStatus(e.status() >= 500 && !e.problem().isTemporary() ? 503 : e.status());
            return page(model, form);
        }
        return "redirect:/settings/configuration?saved";
    }

    @PostMapping("/jobs/{job}/run")
    String run(@PathVariable String job, Model model, HttpServletResponse response) {
        Job which = Job.ofPath(job).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        try {
            configuration.run(which);
        } catch (ApiException e) {
            FormProblem.render(e, model, response, VIEW);
            model.addAttribute("jobProblem", model.getAttribute("problem"));
            model.addAttribute("problem", null);
            model.addAttribute("problemJob", which);
            return page(model, configuration.configuration());
        }
        return "redirect:/settings/configuration?ran=" + which.path() + "#job-" + which.path();
    }

    /** A wrong password is the API's 403, which here means the password and not the role. */
    private static FormProblem problem(ApiException e) {
        if (e.status() == 403) {
            return new FormProblem(403, "Nothing was saved: that is not your password.",
                    Map.of("confirmPassword", "That is not your password"), false, Map.of());
        }
        FormProblem api = FormProblem.of(e.problem());
        Map<String, String> fields = new LinkedHashMap<>();
        api.fieldErrors().forEach((field, message) ->
                fields.merge(ConfigurationForm.formField(field), message, (a, b) -> a + "; " + b));
        return new FormProblem(api.status(), api.message(), fields, api.temporary(), api.extras());
    }

    private String page(Model model, ConfigurationForm form) {
        List<Status> statuses = leads.statuses().stream().filter(status -> !status.isCustomer()).toList();
        Map<Job, JobRun> lastRuns = new EnumMap<>(Job.class);
        for (Job job : Job.values()) {
            configuration.lastRun(job).ifPresent(run -> lastRuns.put(job, run));
        }
        model.addAttribute("config", form);
        model.addAttribute("statuses", statuses);
        model.addAttribute("jobs", Job.values());
        model.addAttribute("lastRuns", lastRuns);
        return VIEW;
    }
}
