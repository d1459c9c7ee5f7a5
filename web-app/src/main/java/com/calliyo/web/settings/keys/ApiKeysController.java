package com.calliyo.web.settings.keys;

import java.util.List;

import com.calliyo.web.api.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public API keys: the active ones, "Create API key" (its token shown once), a new token, revoke. */
@Controller
@RequestMapping("/settings/api-keys")
class ApiKeysController {

    private static final String KIND = "api-keys";

    private final KeysApi keys;

    ApiKeysController(KeysApi keys) {
        this.keys = keys;
    }

    @GetMapping
    String list(Model model) {
        return page(model, "", List.of());
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) List<String> scopes, Model model, HttpServletResponse response) {
        try {
            KeyPages.showOnce(keys.createApiKey(name, scopes), model, response);
            response.setStatus(201);
        } catch (ApiException e) {
            KeyPages.problem(e, model, response);
            return page(model, name, scopes == null ? List.of() : scopes);
        }
        return page(model, "", List.of());
    }

    @PostMapping("/{id}/token")
    String newToken(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            KeyPages.showOnce(keys.newToken(KIND, id), model, response);
        } catch (ApiException e) {
            KeyPages.problem(e, model, response);
        }
        return page(model, "", List.of());
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            keys.revoke(KIND, id);
        } catch (ApiException e) {
            KeyPages.problem(e, model, response);
            return page(model, "", List.of());
        }
        return "redirect:/settings/api-keys?revoked";
    }

    private String page(Model model, String name, List<String> scopes) {
        model.addAttribute("keys", keys.apiKeys());
        model.addAttribute("allScopes", KeysApi.SCOPES);
        model.addAttribute("name", name);
        model.addAttribute("scopes", scopes);
        return "settings/api-keys";
    }
}
