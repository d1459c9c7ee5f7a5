package com.calliyo.web.settings.keys;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.leads.LeadsApi;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Inbound webhook keys (web forms posting leads): the active ones, create (token shown once), new token, revoke. */
@Controller
@RequestMapping("/settings/webhook-keys")
class WebhookKeysController {

    private static final String KIND = "webhook-keys";

    private final KeysApi keys;
    private final LeadsApi leads;

    WebhookKeysController(KeysApi keys, LeadsApi leads) {
        this.keys = keys;
        this.leads = leads;
    }

    @GetMapping
    String list(Model model) {
        return page(model, WebhookKeyForm.blank());
    }

    @PostMapping
    String create(WebhookKeyForm form, Model model, HttpServletResponse response) {
        try {
            KeyPages.showOnce(keys.createWebhookKey(form), model, response);
            response.setStatus(201);
        } catch (ApiException e) {
            KeyPages.problem(e, model, response);
            return page(model, form);
        }
        return page(model, WebhookKeyForm.blank());
    }

    @PostMapping("/{id}/token")
    String newToken(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            KeyPages.showOnce(keys.newToken(KIND, id), model, response);
        } catch (ApiException e) {
            KeyPages.problem(e, model, response);
        }
        return page(model, WebhookKeyForm.blank());
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            keys.revoke(KIND, id);
        } catch (ApiException e) {
            KeyPages.problem(e, model, response);
            return page(model, WebhookKeyForm.blank());
        }
        return "redirect:/settings/webhook-keys?revoked";
    }

    private String page(Model model, WebhookKeyForm form) {
        model.addAttribute("keys", keys.webhookKeys());
        model.addAttribute("statuses", leads.statuses());
        model.addAttribute("form", form);
        return "settings/webhook-keys";
    }
}
