package com.calliyo.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The 403 page: what the role cannot do, or that a form's CSRF token was missing or stale. */
@Controller
class DeniedController {

    static final String CSRF = DeniedController.class.getName() + ".csrf";

    @RequestMapping("/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        Object original = request.getAttribute("jakarta.servlet.forward.request_uri");
        String path = original == null ? request.getRequestURI() : original.toString();
        model.addAttribute("csrf", Boolean.TRUE.equals(request.getAttribute(CSRF)));
        model.addAttribute("settings", path.startsWith("/settings"));
        return "denied";
    }
}
