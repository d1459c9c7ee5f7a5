package com.calliyo.web.auth;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    private final AuthApi auth;
    private final SessionCookies cookies;
    private final CsrfTokenRepository csrfTokens;

    SignInController(AuthApi auth, SessionCookies cookies, CsrfTokenRepository csrfTokens) {
        this.auth = auth;
        this.cookies = cookies;
        this.csrfTokens = csrfTokens;
    }

    record SignInForm(String email, String password, String companyId, String next) {
    }

    @GetMapping("/sign-in")
    String form(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("form", new SignInForm("", "", "", SignInRedirect.safe(next)));
        return "auth/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(SignInForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            Tokens tokens = auth.login(form.companyId(), trim(form.email()), form.password());
            cookies.write(request, response, tokens);
            // A new CSRF token with the new session (the signed-out page's token must not outlive it).
            csrfTokens.saveToken(null, request, response);
            String next = SignInRedirect.safe(form.next());
            Viewer viewer = new Viewer(tokens.user().id(), tokens.user().name(), tokens.user().role(),
                    tokens.user().companyId());
            return "redirect:" + ("/".equals(next) ? viewer.landingPage() : next);
        } catch (ApiException e) {
            // Never send the password back into the page.
            model.addAttribute("form", new SignInForm(form.email(), "", form.companyId(),
                    SignInRedirect.safe(form.next())));
            return FormProblem.render(e, model, response, "auth/sign-in");
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
