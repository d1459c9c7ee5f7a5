package com.calliyo.web.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.settings.users.UserForm;
import com.calliyo.web.settings.users.UsersApi;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Settings' first page (admins only: the security rules refuse others before this runs): the company profile with
 * its GSTIN, which GST on orders needs, the team at a glance and "Add user". The other sub-pages live in the
 * packages beside this one.
 */
@Controller
class SettingsController {

    private final GatewayApi api;
    private final UsersApi users;

    SettingsController(GatewayApi api, UsersApi users) {
        this.api = api;
        this.users = users;
    }

    record CompanyForm(String companyName, String phone, String gstin, String address, String timezone) {
    }

    @GetMapping("/settings")
    String settings(Model model) {
        return page(model, company(), UserForm.blank());
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
        try {
            users.create(form);
        } catch (ApiException e) {
            model.addAttribute("userProblem", FormProblem.of(e.problem()));
            response.setStatus(e.status());
            return page(model, company(), form.withoutPassword());
        }
        return "redirect:/settings?userAdded";
    }

    private CompanyForm company() {
        Map<?, ?> company = api.get("/api/settings/company", Map.class);
        return new CompanyForm(text(company, "companyName"), text(company, "phone"), text(company, "gstin"),
                text(company, "address"), text(company, "timezone"));
    }

    private String page(Model model, CompanyForm company, UserForm user) {
        model.addAttribute("company", company);
        model.addAttribute("user", user);
        model.addAttribute("roles", UserForm.ROLES);
        model.addAttribute("users", users.list());
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
