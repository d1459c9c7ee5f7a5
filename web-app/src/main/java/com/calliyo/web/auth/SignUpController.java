package com.calliyo.web.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** "Create company": signs the company up, then signs its admin in. */
@Controller
class SignUpController {

    /** The zones teams using this product work in most; the API takes any IANA id. */
    static final List<String> TIMEZONES = List.of("Asia/Kolkata", "Asia/Dubai", "Asia/Singapore", "Europe/London",
            "America/New_York", "UTC");

    private final AuthApi auth;
    private final SessionCookies cookies;
    private final CsrfTokenRepository csrfTokens;

    SignUpController(AuthApi auth, SessionCookies cookies, CsrfTokenRepository csrfTokens) {
        this.auth = auth;
        this.cookies = cookies;
        this.csrfTokens = csrfTokens;
    }

    record SignUpForm(String companyName, String timezone, String adminName, String adminEmail,
                      String adminPassword) {
    }

    @GetMapping("/sign-up")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm("", "Asia/Kolkata", "", "", ""));
        model.addAttribute("timezones", TIMEZONES);
        return "auth/sign-up";
    }

    @PostMapping("/sign-up")
    String signUp(SignUpForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("timezones", TIMEZONES);
        Map<String, String> company = new LinkedHashMap<>();
        company.put("companyName", form.companyName());
        company.put("timezone", form.timezone());
        company.put("adminName", form.adminName());
        company.put("adminEmail", form.adminEmail() == null ? null : form.adminEmail().trim());
        company.put("adminPassword", form.adminPassword());
        try {
            Map<?, ?> created = auth.signUp(company);
            Tokens tokens = auth.login(String.valueOf(created.get("companyId")), company.get("adminEmail"),
                    form.adminPassword());
            cookies.write(request, response, tokens);
            // A new CSRF token with the new session (the signed-out page's token must not outlive it).
            csrfTokens.saveToken(null, request, response);
            return "redirect:/dashboard";
        } catch (ApiException e) {
            model.addAttribute("form", new SignUpForm(form.companyName(), form.timezone(), form.adminName(),
                    form.adminEmail(), ""));
            return FormProblem.render(e, model, response, "auth/sign-up");
        }
    }
}
