package com.calliyo.web.settings;

import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * Settings (admins only: the security rules refuse others before this runs): the company profile with its GSTIN,
 * which GST on orders needs, and the team's users.
 */
@Controller
class SettingsController {

    static final List<String> ROLES = List.of("AGENT", "MANAGER", "ADMIN");

    private final GatewayApi api;

    SettingsController(GatewayApi api) {
        this.api = api;
    }

    record CompanyForm(String companyName, String phone, String gstin, String address, String timezone) {
    }

    record UserForm(String name, String email, String password, String role, String leadCap) {

        static UserForm blank() {
            return new UserForm("", "", "", "AGENT", "");
        }
    }

    @GetMapping("/settings")
    String settings(Model model) {
        Map<?, ?> company = api.get("/api/settings/company", Map.class);
        return page(model, new CompanyForm(text(company, "companyName"), text(company, "phone"),
                text(company, "gstin"), text(company, "address"), text(company, "timezone")), UserForm.blank());
    }

    @PostMapping("/settings/company")
    String saveCompany(CompanyForm form, Model model, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", form.companyName());
        body.put("phone", blankToNull(form.phone()));
        body.put("gstin", blankToNull(form.gstin()));
        body.put("address", blankToNull(form.address()));
        body.put("timezone", form.timezone());
        try {
            api.put("/api/settings/company", body, Map.class);
        } catch (ApiException e) {
            model.addAttribute("companyProblem", FormProblem.of(e.problem()));
            response.setStatus(e.status());
            return page(model, form, UserForm.blank());
        }
        return "redirect:/settings?saved";
    }

    @PostMapping("/settings/users")
    String addUser(UserForm form, Model model, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.name());
        body.put("email", form.email() == null ? null : form.email().trim());
        body.put("password", form.password());
        body.put("role", form.role());
        if (form.leadCap() != null && !form.leadCap().isBlank()) {
            body.put("leadCap", form.leadCap().trim());
        }
        try {
            api.post("/api/users", body, Map.class, Map.of());
        } catch (ApiException e) {
            model.addAttribute("userProblem", FormProblem.of(e.problem()));
            response.setStatus(e.status());
            Map<?, ?> company = api.get("/api/settings/company", Map.class);
            return page(model, new CompanyForm(text(company, "companyName"), text(company, "phone"),
                    text(company, "gstin"), text(company, "address"), text(company, "timezone")),
                    new UserForm(form.name(), form.email(), "", form.role(), form.leadCap()));
        }
        return "redirect:/settings?userAdded";
    }

    private String page(Model model, CompanyForm company, UserForm user) {
        model.addAttribute("company", company);
        model.addAttribute("user", user);
        model.addAttribute("roles", ROLES);
        model.addAttribute("users", api.get("/api/users?size=100",
                new ParameterizedTypeReference<com.calliyo.web.api.Page<Map<String, Object>>>() { }).items());
        return "settings/settings";
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value == null ? "" : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
