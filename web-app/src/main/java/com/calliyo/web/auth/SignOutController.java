package com.calliyo.web.auth;

import com.calliyo.web.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** Sign-out ends the session at lead-service (its refresh tokens die) and forgets it in this browser. */
@Controller
class SignOutController {

    private final AuthApi auth;
    private final SessionCookies cookies;

    SignOutController(AuthApi auth, SessionCookies cookies) {
        this.auth = auth;
        this.cookies = cookies;
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        WebSession.current().ifPresent(session -> {
            try {
                auth.logout(session.accessToken(), session.refreshToken());
            } catch (ApiException e) {
                // 401: the session had already ended. Otherwise the browser still forgets it below, and the
                // refresh token, which only this browser held, dies unused after its lifetime.
            }
        });
        cookies.clear(request, response);
        return "redirect:/sign-in?signedOut";
    }
}
