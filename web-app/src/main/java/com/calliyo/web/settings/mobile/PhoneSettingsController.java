package com.calliyo.web.settings.mobile;

import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Phone app (admins only, like every settings page): the mPIN length (4 or 6 digits) agents sign in with on
 * their phones, and "Require attendance" (tasks, leads and calls stay locked for agents until they check in). A plain
 * form; a refusal is shown beside its field in the API's words, with what the admin chose kept.
 */
@Controller
@RequestMapping("/settings/mobile")
class PhoneSettingsController {

    private static final String VIEW = "settings/mobile";
    private static final String API = "/api/settings/mobile";

    private final GatewayApi api;

    PhoneSettingsController(GatewayApi api) {
        this.api = api;
    }

    @GetMapping
    String show(Model model) {
        return page(model, PhoneSettings.of(api.get(API, new ParameterizedTypeReference<Map<String, Object>>() { })));
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "") String mpinLength,
                @RequestParam(defaultValue = "false") boolean requireAttendance, Model model,
                HttpServletResponse response) {
        PhoneSettings settings = new PhoneSettings(mpinLength, requireAttendance);
        try {
            api.put(API, settings.body(), Map.class);
        } catch (ApiException e) {
            FormProblem.render(e, model, response, VIEW);
            return page(model, settings);
        }
        return "redirect:/settings/mobile?saved";
    }

    private String page(Model model, PhoneSettings settings) {
        model.addAttribute("phone", settings);
        model.addAttribute("lengths", PhoneSettings.LENGTHS);
        return VIEW;
    }
}
